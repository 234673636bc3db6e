using Alba;
using CaseFlow.Server.Platform;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// The asynchronous projections caught up with a loaded year: CaseFlow's host in process, in the rebuild role
/// (<see cref="StoreRole.Rebuild"/>: a freshly loaded year leaves every read model behind by all of it, and a rebuild's
/// large pages fold each case over more of its events at once), with a progress bar, returned once every projection
/// has passed the last event.
/// </summary>
public static class DemoCatchUp
{
    public static async Task<IAlbaHost> Run(string connectionString, Action<IWebHostBuilder>? configure = null)
    {
        var node = await InProcessHost.Start(connectionString, runProjections: true, x =>
        {
            x.UseSetting("StoreRole", nameof(StoreRole.Rebuild));
            configure?.Invoke(x);
        });
        var store = node.Services.GetRequiredService<IDocumentStore>();
        var caughtUp = store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromHours(1));
        await CatchUpProgress.Show(store, await LoadProgress.LastEvent(store), caughtUp);
        await caughtUp;
        return node;
    }
}
