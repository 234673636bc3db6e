using Alba;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.Server.Tests.Governance;

/// <summary>
/// Nodes starting together on a new store (a cluster's first start) seed ICE's agreements once, in turn, and no
/// node's seeding batch fails on another's agreements.
/// </summary>
public sealed class AgreementSeedOnNewStoreTests(AppFixture app) : IAsyncLifetime
{
    private const int Nodes = 3;

    private OwnDatabase _database = null!;
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.Create(app, "seed_together");
        _node = await _database.StartNode(projections: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task seeding_from_several_nodes_at_once_starts_each_agreement_once_and_fails_no_write()
    {
        var ct = TestContext.Current.CancellationToken;
        await UnseedAsATamperer(ct);
        var failures = new LogSignal("Marten.IDocumentStore", LogLevel.Error);
        using var logging = LoggerFactory.Create(l => l.AddProvider(failures));

        // What each node's start-up does, at once, on the same new store.
        await Task.WhenAll(Enumerable.Range(0, Nodes).Select(_ => Task.Run(() => new AgreementSeed(logging.CreateLogger<AgreementSeed>()).Populate(_node.DocumentStore(), ct), ct)));

        await using var session = _node.DocumentStore().QuerySession();
        (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == nameof(AgreementSigned)).CountAsync(ct)).ShouldBe(417);
        (await session.Query<Agreement>().CountAsync(ct)).ShouldBe(417);
        failures.Logged.IsCompleted.ShouldBeFalse("a seeding batch failed on another's agreements");
    }

    /// <summary>Takes the agreements the node seeded out of the store again (with the store's guards off), as a new store has none.</summary>
    private async Task UnseedAsATamperer(CancellationToken ct)
    {
        await using var connection = await TestDatabases.OpenAsTamperingSuperuser(_database.ConnectionString);
        var schema = PersistenceSetup.SchemaName;
        await using var command = new NpgsqlCommand(
            $"delete from {schema}.mt_events where type = 'AgreementSigned'; delete from {schema}.mt_streams where type = 'agreement'; delete from {schema}.mt_doc_agreement",
            connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
