using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Writing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CaseFlow.Server.Intake;

/// <summary>
/// One item's result: <c>applied</c>, <c>replayed</c>, <c>conflict</c>, <c>refused</c> or <c>skipped-dependency</c>; the
/// problem is the one a single write would have been answered with (typed <c>object</c> so its field map is kept). What
/// CaseFlow appended itself with an applied item (a hold) is listed with it, not as items of its own. An applied or
/// replayed item carries its event's global <see cref="Position"/>, as a single write's answer does.
/// </summary>
public sealed record BatchItemResult(int Index, Guid? EventId, BatchItemStatus Status, Guid? CaseId, long? Version, object? Problem)
{
    public long? Position { get; init; }

    public IReadOnlyList<AppendResult> AppendedByCaseFlow { get; init; } = [];
}

/// <summary>What became of one item of a batch.</summary>
public enum BatchItemStatus
{
    [JsonStringEnumMemberName("applied")] Applied,
    [JsonStringEnumMemberName("replayed")] Replayed,
    [JsonStringEnumMemberName("conflict")] Conflict,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("skipped-dependency")] SkippedDependency,
}

public sealed record BatchResult(IReadOnlyList<BatchItemResult> Results);

public static class PostBatchEndpoint
{
    public const int MaxEvents = 1_000;
    public const long MaxBytes = 4 * 1024 * 1024;
    /// <summary>The most items written in one transaction: a round of a batch across many cases is written in groups of this size.</summary>
    public const int GroupSize = 100;

    /// <summary>As strict as the single-event endpoints: a duplicated member is an error, not a later copy that wins.</summary>
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// A jail system that was offline sends what it buffered, up to 1,000 envelopes (bookings and case events; a case
    /// event names its case by the id the client computed, in <c>caseId</c>). Items of one case are applied in order,
    /// after a refused item the rest of its case are skipped. The batch is written in rounds, each round taking the
    /// next item of every case and writing them together (up to 100 cases in one transaction),
    /// through the same append path as a single write, so a batch sent again is answered <c>replayed</c> throughout.
    /// </summary>
    [WolverinePost("/api/events/batch", Name = "PostBatch")]
    [Authorize(Policy = Policies.WriteIntake)]
    [RequestSizeLimit(MaxBytes)]
    [ProducesResponseType<BatchResult>(200)]
    [ProducesResponseType(413)]
    public static async Task<IResult> Post(
        HttpContext http, ClaimsPrincipal user, IQuerySession session, IntakeServices intake, IOptions<GovernanceOptions> governance, CancellationToken ct)
    {
        JsonArray? items;
        try
        {
            items = await JsonNode.ParseAsync(http.Request.Body, documentOptions: StrictDocument, cancellationToken: ct) is JsonObject root
                ? root["events"] as JsonArray
                : null;
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException)
        {
            return e is BadHttpRequestException { StatusCode: 413 } ? TooLarge() : Invalid("The body is not JSON: " + ClientJsonErrors.Describe(e.Message));
        }

        if (items is null)
            return Invalid("The body is { \"events\": [ envelope, ... ] }.");
        if (items.Count > MaxEvents)
            return TooLarge();

        var cases = items.Select((node, index) => BatchItem.Read(index, node, user, intake.Json))
            .GroupBy(w => w.CaseKey).ToDictionary(g => g.Key, g => new Queue<BatchItem>(g));
        var results = new BatchItemResult[items.Count];
        while (cases.Values.Any(c => c.Count > 0))
        {
            var round = cases.Values.Where(c => c.Count > 0).Select(c => c.Dequeue()).ToList();
            foreach (var group in round.Chunk(GroupSize))
            {
                foreach (var result in await Write(group, user, session, intake, governance.Value, ct))
                    results[result.Index] = result;
            }

            // After a refused item the rest of its case depend on what was refused: skipped, not tried.
            foreach (var refused in round.Where(item => results[item.Index].Status == BatchItemStatus.Refused))
            {
                while (cases[refused.CaseKey].TryDequeue(out var item))
                    results[item.Index] = new BatchItemResult(item.Index, item.EventId, BatchItemStatus.SkippedDependency, item.CaseId, null, null);
            }
        }

        return Results.Ok(new BatchResult(results));
    }

    /// <summary>One item of each of several cases, written in one transaction; an item refused before the append path is recorded here.</summary>
    private static async Task<IEnumerable<BatchItemResult>> Write(
        IReadOnlyList<BatchItem> group, ClaimsPrincipal user, IQuerySession session, IntakeServices intake, GovernanceOptions governance, CancellationToken ct)
    {
        // The cases as they stand before this group, for the case events' roles and the ids their rules read.
        var known = (await session.LoadManyAsync<CaseFile>(ct, group.Where(i => i.CaseEvent is not null).Select(i => i.CaseId!.Value).Distinct()))
            .ToDictionary(c => c.Id);
        var prepared = group.Select(item => (Item: item, Write: item.Prepare(user, item.CaseId is { } id ? known.GetValueOrDefault(id) : null, intake, governance))).ToList();
        var planned = prepared.Where(p => p.Write.Plan is not null).ToList();
        var outcomes = planned.Zip(await intake.Writer.WriteGroup([.. planned.Select(p => p.Write.Plan!)], ct))
            .ToDictionary(p => p.First.Item.Index, p => p.Second);

        var caller = CallerScope.From(user);
        foreach (var (item, write) in prepared.Where(p => p.Write.Problem is not null))
            await intake.Audit.RecordRefusal(caller, item.CaseOfRefused, item.Action, write.Problem!, ct);
        return prepared.Select(p => p.Item.Result(p.Write.Problem is { } problem ? intake.Rejected(problem) : IntakeAnswer.Of(outcomes[p.Item.Index])));
    }

    private static IResult TooLarge() => Results.Problem(new ProblemDetails
    {
        Status = 413,
        Type = "urn:caseflow:problem:batch-too-large",
        Title = "The batch is too large",
        Detail = $"A batch holds at most {MaxEvents} events and {MaxBytes} bytes; send the rest in further batches.",
        Extensions = { ["maxEvents"] = MaxEvents, ["maxBytes"] = MaxBytes, ["retryable"] = false },
    });

    private static IResult Invalid(string detail) =>
        Results.Problem(new FieldErrors { { "events", detail } }.ToProblem());
}
