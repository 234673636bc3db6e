using Alba;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>
/// A test's own database with one node on it, and Fort Bend's WSO cases written through that node: the setting of the
/// fault tests that stop, hold or race the node's projections.
/// </summary>
public sealed class OwnNode : IAsyncDisposable
{
    private OwnNode(OwnDatabase database, IAlbaHost node, WsoDetainers cases) => (Database, Node, Cases) = (database, node, cases);

    public OwnDatabase Database { get; }
    public IAlbaHost Node { get; }
    public WsoDetainers Cases { get; }

    public static async Task<OwnNode> Start(AppFixture app, string purpose, bool projections = true, Action<IWebHostBuilder>? configure = null)
    {
        var database = await OwnDatabase.Create(app, purpose);
        var node = await database.StartNode(projections, configure);
        return new OwnNode(database, node, new WsoDetainers(app, node));
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}
