using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Marten.Schema;
using UUIDNext;

namespace CaseFlow.Server.Governance;

/// <summary>
/// Starts one agreement stream per JEM and WSO agreement in ICE's published list, at every start-up and
/// idempotently: stream and event ids are name-based, and agreements already in the store are left alone. The
/// events go through the same staging as every other append, so they carry the envelope and the integrity chain.
/// </summary>
public sealed class AgreementSeed(ILogger<AgreementSeed> logger) : IInitialData
{
    public static readonly CallerScope Actor = new("caseflow-reference-data", "system", null, null, null);
    private static readonly Guid EventNamespace = new("0c9c4b8e-3a51-4f0e-9f55-6f3c2f1d7a10");

    /// <summary>
    /// The PostgreSQL advisory lock (held to its transaction's end) that nodes starting together on a new store take in
    /// turn: the first seeds, the others then find nothing missing. Racing instead cost a failed batch per node, which
    /// Marten logs as an error for every statement in it (some five hundred). The wait is not bound by the writers'
    /// lock wait (seconds): seeding a new store takes longer than that on a busy machine.
    /// </summary>
    private const long SeedLock = 0x43_46_53_45_45_44; // "CFSEED"

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var catalog = AgreementCatalog.Load();
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        await session.QueryAsync<string>("select set_config('lock_timeout', '2min', true)", cancellation);
        await session.QueryAsync<bool>($"select true from pg_advisory_xact_lock({SeedLock})", cancellation);
        var existing = (await session.Query<Agreement>().Select(a => a.Id).ToListAsync(cancellation)).ToHashSet();
        var missing = catalog.Where(a => !existing.Contains(a.AgreementId)).ToList();
        if (missing.Count == 0)
            return;

        session.CorrelationId = Uuid.NewSequential().ToString();
        session.LastModifiedBy = Actor.Subject;
        foreach (var signed in missing)
        {
            var occurredAt = LocalDay.Start(signed.SignedOn, signed.TimeZone);
            var incoming = IncomingEvent.System(Uuid.NewNameBased(EventNamespace, signed.AgreementId.ToString()), signed.AgreementId, nameof(AgreementSigned), occurredAt, late: true);
            session.Events.StartStream<Agreement>(signed.AgreementId, EventStager.Stage(session, signed.AgreementId, 1, EventChain.Genesis, incoming, signed, Actor));
        }

        await session.SaveChangesAsync(cancellation);
        logger.LogInformation("Seeded {Count} agreement streams from ICE's list of {ListedOn}", missing.Count, missing[0].ListedOn);
    }
}
