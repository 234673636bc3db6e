using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>Two versions of a case: <c>from</c> before <c>to</c>.</summary>
public sealed record CaseDiffQuery([property: ReadAs<CaseVersionParameter>] string? From = null, [property: ReadAs<CaseVersionParameter>] string? To = null);

/// <summary>
/// What changed in the case's summary from one version to a later one (each judged when its version was recorded), leaf
/// by leaf at its JSON Pointer, and the stored events that made the change (the versions after the first, up to the second).
/// </summary>
public sealed record CaseDiff(Guid CaseId, long From, long To, IReadOnlyList<JsonChange> Changes, IReadOnlyList<HistoryEvent> Events);

public static class GetCaseDiffEndpoint
{
    /// <summary>
    /// What changed in the case between two of its versions and the events in between. Both versions are required,
    /// <c>from</c> before <c>to</c>; 422 <c>as-of-out-of-range</c> beyond the case's last version.
    /// </summary>
    [WolverineGet("/api/cases/{caseId}/diff", Name = "GetCaseDiff")]
    [Authorize(Policy = Policies.ReplayCases)]
    [AccessAudited("case", "caseId")]
    [ProducesResponseType<CaseDiff>(200)]
    [ProducesResponseType(404)]
    [ProducesResponseType(422)]
    public static async Task<IResult> Get(
        Guid caseId, [FromQuery] CaseDiffQuery query, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var from = errors.Version("from", query.From ?? "");
        var to = errors.Version("to", query.To ?? "");
        if (errors.Count == 0 && from >= to)
            errors.Add("from", "from must be a version before to.");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        if (await CaseLookup.Visible(session, caseId, user, ct) is not { } current)
            return Problems.NotFound("case");
        var history = await RecordedCaseHistory.Read(session, caseId, ct);
        if (to > history[^1].Version)
            return CaseVersions.OutOfRange($"The case has versions 1 to {history[^1].Version}.");

        var agreement = await CaseLookup.AgreementOf(session, current, ct);
        System.Text.Json.Nodes.JsonNode? SummaryAt(long version)
        {
            var replay = CaseReplays.ThroughVersion(history, version);
            return JsonSerializer.SerializeToNode(CaseSummary.Of(replay.State!, agreement, replay.Folded[^1].RecordedAt), json.Value.SerializerOptions);
        }

        var changes = JsonChanges.Between(SummaryAt(from), SummaryAt(to));
        var events = (await rows.ForStream(caseId, from, (int)(to - from), ct)).Select(HistoryEvent.From).ToList();
        return Results.Ok(new CaseDiff(caseId, from, to, changes, events));
    }
}
