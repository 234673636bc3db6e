using CaseFlow.Domain.Audit;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseFlow.Server.Audit;

/// <summary>A finding with the case it is about; never a person identifier.</summary>
public sealed record ExceptionCase(Guid CaseId, string Ori, string BookingNumber, string FieldOfficeCode, Domain.ProgramModel Model)
{
    public static ExceptionCase Of(CaseFile state) => new(state.Id, state.Ori, state.BookingNumber, state.FieldOfficeCode, state.Model);
}

public sealed record ExceptionItem(ExceptionCase Case, ExceptionFinding Finding);

/// <summary>
/// Every finding of the control tests within a query's agency, field office and model: the cases' own findings from
/// the case read model (candidates by its indexed <c>exception_at</c>, judged now), and the acts of every officer whose
/// record may fail one (a revocation, a gap in training), read from the stored events' headers and judged against the
/// officer's record as known now, voided acts left out.
/// </summary>
public sealed class ExceptionFinder(IDocumentStore store, IOptions<GovernanceOptions> governance)
{
    private static readonly string ActsSql =
        $"select stream_id, id, headers->>'{EventHeaders.OfficerId}', headers->>'{EventHeaders.Ori}', headers->>'{EventHeaders.OccurredAt}' " +
        $"from {PersistenceSetup.SchemaName}.mt_events where headers->>'{EventHeaders.OfficerId}' = any($1)";

    public async Task<IReadOnlyList<ExceptionItem>> All(IQuerySession session, QueueQuery query, CallerScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var everything = query with { After = null, Limit = int.MaxValue - 1 };
        var rows = await QueueReader.Page<CaseQueueRow>(session, "exception_at", everything, scope, now, ct);
        var own = rows.SelectMany(r => CaseExceptions.Of(r.Case, now).Select(f => new ExceptionItem(ExceptionCase.Of(r.Case), f)));
        return [.. own.Concat(await OfficerFindings(session, query, scope, now, ct))];
    }

    private async Task<IEnumerable<ExceptionItem>> OfficerFindings(IQuerySession session, QueueQuery query, CallerScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var refresher = governance.Value.Refresher;
        IQueryable<Officer> inScope = session.Query<Officer>();
        if (query.Ori is { } ori)
            inScope = inScope.Where(o => o.Ori == ori);
        if (query.FieldOffice is { } fieldOffice)
            inScope = inScope.Where(o => o.FieldOfficeCode == fieldOffice);
        var officers = (await inScope.ToListAsync(ct))
            .Where(o => scope.CanSee(o) && OfficerActs.MayHaveFailedActs(o, refresher, now))
            .ToDictionary(o => (o.Ori, o.BadgeNumber));
        if (officers.Count == 0)
            return [];

        var acts = new List<(Guid CaseId, Guid EventId, Officer Officer, DateTimeOffset At)>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(ActsSql, connection) { Parameters = { new() { Value = officers.Keys.Select(k => k.BadgeNumber).Distinct().ToArray() } } };
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (officers.TryGetValue((reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetString(2)), out var officer)
                    && EventHeaders.Instant(reader.IsDBNull(4) ? null : reader.GetString(4)) is { } at)
                    acts.Add((reader.GetGuid(0), reader.GetGuid(1), officer, at));
            }
        }

        var cases = (await session.LoadManyAsync<CaseFile>(ct, acts.Select(a => a.CaseId).Distinct())).ToDictionary(c => c.Id);
        return acts
            .Where(a => cases.TryGetValue(a.CaseId, out var c) && !c.VoidedEventIds.Contains(a.EventId) && Within(c, query))
            .Select(a => (Case: cases[a.CaseId], Finding: OfficerActs.Judge(a.Officer, cases[a.CaseId].Model, a.EventId, a.At, refresher, cases[a.CaseId].TimeZone)))
            .Where(x => x.Finding is not null)
            .Select(x => new ExceptionItem(ExceptionCase.Of(x.Case), x.Finding!));
    }

    private static bool Within(CaseFile state, QueueQuery query) =>
        (query.FieldOffice is null || state.FieldOfficeCode == query.FieldOffice) && (query.Model is null || state.Model == query.Model);
}
