using System.Security.Claims;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>The cut of an as-of state: by version, by what was recorded by an instant, or by what occurred by an instant as known now.</summary>
public enum AsOfAxis
{
    Version,
    RecordedAsOf,
    OccurredAsOf,
}

/// <summary>Exactly one of the three cuts (docs/events.md, "As-of states").</summary>
public sealed record AsOfQuery(
    [property: ReadAs<InstantParameter>] string? RecordedAsOf = null, [property: ReadAs<InstantParameter>] string? OccurredAsOf = null,
    [property: ReadAs<CaseVersionParameter>] string? Version = null);

/// <summary>
/// The case as it stood: its summary judged at <c>asOf</c> (for a version, when that version was recorded), folded
/// from the stream up to <c>version</c> (for <c>occurredAsOf</c>, everything known now),
/// the rule sets that judged the events folded, and the events known now that were left out, and why.
/// </summary>
public sealed record CaseStateAsOf(
    Guid CaseId, AsOfAxis Axis, DateTimeOffset AsOf, long Version, DateTimeOffset RecordedThrough, DateTimeOffset? OccurredThrough,
    int EventsFolded, IReadOnlyList<string> PolicyVersions, IReadOnlyList<LeftOutEvent> LeftOut, CaseSummary Summary);

public static class GetCaseAsOfEndpoint
{
    /// <summary>
    /// The case as it stood on either time axis, by the fold of today's summary: <c>recordedAsOf</c> (what CaseFlow knew
    /// then), <c>occurredAsOf</c> (as it stood then in the light of everything known now: late facts in, voided events
    /// out) or <c>version</c>; exactly one. 422 <c>as-of-out-of-range</c> before the case or beyond its last version.
    /// </summary>
    [WolverineGet("/api/cases/{caseId}/state", Name = "GetCaseAsOf")]
    [Authorize(Policy = Policies.ReplayCases)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<CaseStateAsOf>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Get(Guid caseId, [FromQuery] AsOfQuery query, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var cut = Read(query, errors);
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        if (await CaseLookup.Visible(session, caseId, user, ct) is not { } current)
            return Problems.NotFound("case");
        var history = await RecordedCaseHistory.Read(session, caseId, ct);
        var (axis, instant, version) = cut;
        var replay = axis switch
        {
            AsOfAxis.Version => CaseReplays.ThroughVersion(history, version),
            AsOfAxis.RecordedAsOf => CaseReplays.RecordedAsOf(history, instant),
            _ => CaseReplays.OccurredAsOf(history, instant),
        };
        if (replay.State is null || version > history[^1].Version)
            return AsOfOutOfRange(axis, history);

        var through = axis == AsOfAxis.OccurredAsOf ? history[^1] : replay.Folded[^1];
        var judgedAt = axis == AsOfAxis.Version ? through.RecordedAt : instant;
        return Results.Ok(new CaseStateAsOf(
            caseId, axis, judgedAt, through.Version, through.RecordedAt, replay.Folded.Max(e => (DateTimeOffset?)e.OccurredAt), replay.Folded.Count,
            replay.PolicyVersions, replay.LeftOut, CaseSummary.Of(replay.State, await CaseLookup.AgreementOf(session, current, ct), judgedAt)));
    }

    private static (AsOfAxis Axis, DateTimeOffset Instant, long Version) Read(AsOfQuery query, FieldErrors errors)
    {
        var given = new (string Name, string? Text)[] { ("recordedAsOf", query.RecordedAsOf), ("occurredAsOf", query.OccurredAsOf), ("version", query.Version) }
            .Where(p => p.Text is not null).ToList();
        if (given.Count != 1)
        {
            foreach (var name in given.Count == 0 ? ["recordedAsOf", "occurredAsOf", "version"] : given.Select(p => p.Name))
                errors.Add(name, "Exactly one of recordedAsOf, occurredAsOf and version is required.");
            return default;
        }

        return query switch
        {
            { Version: { } version } => (AsOfAxis.Version, default, errors.Version("version", version)),
            { RecordedAsOf: { } recorded } => (AsOfAxis.RecordedAsOf, errors.Instant("recordedAsOf", recorded, default), 0),
            _ => (AsOfAxis.OccurredAsOf, errors.Instant("occurredAsOf", query.OccurredAsOf, default), 0),
        };
    }

    private static IResult AsOfOutOfRange(AsOfAxis axis, IReadOnlyList<RecordedCaseEvent> history) =>
        CaseVersions.OutOfRange(axis switch
        {
            AsOfAxis.Version => $"The case has versions 1 to {history[^1].Version}.",
            AsOfAxis.RecordedAsOf => $"The case was first recorded at {history[0].RecordedAt:O}.",
            _ => $"The case's booking was referred at {history[0].OccurredAt:O}.",
        });
}
