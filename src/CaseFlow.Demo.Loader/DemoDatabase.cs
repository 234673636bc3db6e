using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using Marten;

namespace CaseFlow.Demo.Loader;

/// <summary>What the target database holds, before a load.</summary>
public enum DemoDatabaseState
{
    /// <summary>Nothing but the agreements CaseFlow seeds itself: the year may be loaded.</summary>
    Empty,
    /// <summary>This very year (seed, scale, plan version), completely: nothing to do.</summary>
    Loaded,
    /// <summary>Another year, or this one interrupted, or real data: refused.</summary>
    Refused,
}

/// <summary>The demo loads only into an empty, dedicated database, which it marks (<see cref="DemoMark"/>).</summary>
public static class DemoDatabase
{
    public static async Task<(DemoDatabaseState State, string Why)> Inspect(IDocumentStore store, DemoMark wanted, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var mark = await session.LoadAsync<DemoMark>(DemoMark.Key, ct);
        if (mark == wanted with { Complete = true })
            return (DemoDatabaseState.Loaded, $"the demo year (seed {mark.Seed}, scale {mark.Scale}) is loaded");
        if (mark is not null)
            return (DemoDatabaseState.Refused, mark.Complete
                ? $"the database holds another demo year (seed {mark.Seed}, scale {mark.Scale}, plan {mark.PlanVersion}); load into another database or reset this one"
                : $"a load of the demo year (seed {mark.Seed}, scale {mark.Scale}) into this database was interrupted; reset it and load again");
        var other = await session.AdvancedSql.QueryAsync<bool>(
            $"select exists (select 1 from {PersistenceSetup.SchemaName}.mt_events where type <> '{nameof(AgreementSigned)}')", ct);
        return other[0]
            ? (DemoDatabaseState.Refused, "the database holds events and no demo mark: the demo loads only into an empty, dedicated database")
            : (DemoDatabaseState.Empty, "the database is empty");
    }

    public static async Task Mark(IDocumentStore store, DemoMark mark, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(mark);
        await session.SaveChangesAsync(ct);
    }
}
