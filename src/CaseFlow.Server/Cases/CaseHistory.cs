using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CaseFlow.Server.Cases;

/// <summary>One stored event as an auditor replays it: exactly what is stored, its envelope metadata and its hash.</summary>
public sealed record HistoryEvent(
    long Version, Guid EventId, string Type, string? OccurredAt, DateTimeOffset RecordedAt, string? CorrelationId, string? CausationId,
    JsonElement Metadata, JsonElement Data)
{
    public static HistoryEvent From(StoredEventRow row)
    {
        var metadata = JsonDocument.Parse(row.HeadersJson).RootElement;
        var occurredAt = metadata.TryGetProperty(EventHeaders.OccurredAt, out var value) ? value.GetString() : null;
        return new HistoryEvent(row.Version, row.Id, row.Type, occurredAt, row.RecordedAt, row.CorrelationId, row.CausationId,
            metadata, JsonDocument.Parse(row.DataJson).RootElement);
    }
}

public sealed record HistoryPage(string? After = null, string? Limit = null);

public static class CaseHistoryEndpoint
{
    /// <summary>The case's events in order with their metadata, paged by version (<c>after</c> is the last version read).</summary>
    [WolverineGet("/api/cases/{caseId}/history", Name = "GetCaseHistory")]
    [Authorize(Policy = Policies.ReadCases)]
    public static async Task<IResult> Get(
        Guid caseId, [FromQuery] HistoryPage page, ClaimsPrincipal user, IQuerySession session, StoredEventRows rows, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var limit = errors.Limit(page.Limit);
        long after = 0;
        if (page.After is not null && !(long.TryParse(page.After, out after) && after >= 0))
            errors.Add("after", "after must be the version of the last event already read.");
        if (errors.Count > 0)
            return Results.Problem(errors.ToProblem());

        if (await CaseLookup.Visible(session, caseId, user, ct) is null)
            return CaseLookup.NotFound();

        var stored = await rows.ForStream(caseId, after, limit + 1, ct);
        var items = stored.Take(limit).Select(HistoryEvent.From).ToList();
        var next = stored.Count > limit ? items[^1].Version.ToString(CultureInfo.InvariantCulture) : null;
        return Results.Ok(new Page<HistoryEvent>(items, next));
    }
}
