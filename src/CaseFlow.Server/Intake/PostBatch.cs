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
    /// <summary>The most items written in one transaction: a batch's cases are written in groups of at most this many items.</summary>
    public const int GroupSize = 500;

    /// <summary>As strict as the single-event endpoints: a duplicated member is an error, not a later copy that wins.</summary>
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// A jail system that was offline sends what it buffered, up to 1,000 envelopes (bookings and case events; a case
    /// event names its case by the id the client computed, in <c>caseId</c>). Items of one case are applied in order,
    /// after a refused item the rest of its case are skipped. The batch is written in rounds: a round takes every
    /// case's next items (its next item, a booking or a case event, and the case events after it up to the next
    /// booking) and writes them in transactions of up to 500 items, each case's items judged one after another under
    /// its lock (a case event after its booking on the case the booking opened), through the same append path as a
    /// single write, so a batch sent again is answered <c>replayed</c> throughout.
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

        var read = items.Select((node, index) => BatchItem.Read(index, node, user, intake.Json)).ToList();
        return Results.Ok(new BatchResult(await Apply(read, session, intake, governance.Value, ct)));
    }

    /// <summary>
    /// Applies read items (indexed 0 to n - 1, each with its sender) as <see cref="Post"/> describes and answers each.
    /// The endpoint's items share one sender; the demo loader's (in process) are a window's writes of many senders.
    /// </summary>
    public static async Task<BatchItemResult[]> Apply(IReadOnlyList<BatchItem> items, IQuerySession session, IntakeServices intake, GovernanceOptions governance, CancellationToken ct)
    {
        var cases = items.GroupBy(w => w.CaseKey).ToDictionary(g => g.Key, g => new Queue<BatchItem>(g));
        var results = new BatchItemResult[items.Count];
        while (cases.Values.Any(c => c.Count > 0))
        {
            var round = cases.Values.Where(c => c.Count > 0).Select(NextItems).ToList();
            var known = await Standings(round, session, ct);
            foreach (var group in InGroups(round))
            {
                foreach (var result in await Write(group, known, intake, governance, ct))
                    results[result.Index] = result;
            }

            // After a refused item the rest of its case depend on what was refused: skipped, not tried.
            foreach (var ended in round.Where(caseItems => caseItems.Any(item => results[item.Index].Status is BatchItemStatus.Refused or BatchItemStatus.SkippedDependency)))
            {
                while (cases[ended[0].CaseKey].TryDequeue(out var item))
                    results[item.Index] = item.Skipped();
            }
        }

        return results;
    }

    /// <summary>
    /// A case's next items for a round: its next item (a booking or a case event) and the case events after it, up to
    /// its next booking or up to an event id already among them (a repeat is judged once the first is stored, as the
    /// replay it is).
    /// </summary>
    private static IReadOnlyList<BatchItem> NextItems(Queue<BatchItem> queued)
    {
        var next = new List<BatchItem> { queued.Dequeue() };
        var eventIds = new HashSet<Guid?> { next[0].EventId };
        while (next.Count < GroupSize && queued.TryPeek(out var item) && item.Booking is null && eventIds.Add(item.EventId))
            next.Add(queued.Dequeue());
        return next;
    }

    /// <summary>A round's cases in groups of at most <see cref="GroupSize"/> items, a case's items never split.</summary>
    private static IEnumerable<IReadOnlyList<IReadOnlyList<BatchItem>>> InGroups(IReadOnlyList<IReadOnlyList<BatchItem>> round)
    {
        var (group, size) = (new List<IReadOnlyList<BatchItem>>(), 0);
        foreach (var items in round)
        {
            if (size + items.Count > GroupSize)
            {
                yield return group;
                (group, size) = ([], 0);
            }

            group.Add(items);
            size += items.Count;
        }

        if (group.Count > 0)
            yield return group;
    }

    /// <summary>
    /// The cases of a round as they stand before it, for their case events' roles and the ids their rules read (a case's
    /// agency, field office and model never change, so its later items are read against it too). A case a booking of
    /// the round opens stands as the booking says (<see cref="CaseStanding.OpenedBy"/>).
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, CaseStanding>> Standings(
        IReadOnlyList<IReadOnlyList<BatchItem>> round, IQuerySession session, CancellationToken ct)
    {
        var withEvents = round.Where(items => items.Any(i => i.CaseEvent is not null)).ToList();
        var stored = (await CaseStanding.Of(session, [.. withEvents.Select(items => items[0].CaseId!.Value)], ct)).ToDictionary(c => c.Id);
        foreach (var items in withEvents)
        {
            if (items[0].Booking is { Data: { } booking } && !stored.ContainsKey(items[0].CaseId!.Value) && CaseStanding.OpenedBy(items[0].CaseId!.Value, CallerScope.From(items[0].User), booking) is { } opened)
                stored.Add(opened.Id, opened);
        }

        return stored;
    }

    /// <summary>
    /// Several cases' next items written in one transaction, each case's in order: an item refused before the append
    /// path is recorded here, and after an item refused anywhere the rest of its case are skipped.
    /// </summary>
    private static async Task<IEnumerable<BatchItemResult>> Write(
        IReadOnlyList<IReadOnlyList<BatchItem>> group, IReadOnlyDictionary<Guid, CaseStanding> known, IntakeServices intake, GovernanceOptions governance, CancellationToken ct)
    {
        var prepared = group.Select(items => items.Select(item => (Item: item, Write: item.Prepare(item.CaseId is { } id ? known.GetValueOrDefault(id) : null, intake, governance))).ToList()).ToList();
        var planned = prepared.Select(items => items.TakeWhile(p => p.Write.Plan is not null).ToList()).Where(items => items.Count > 0).ToList();
        var written = await intake.Writer.WriteChains([.. planned.Select(items => (IReadOnlyList<WritePlan>)[.. items.Select(p => p.Write.Plan!)])], ct);
        var outcomes = planned.Zip(written).SelectMany(c => c.First.Zip(c.Second)).ToDictionary(p => p.First.Item.Index, p => p.Second);

        var results = new List<BatchItemResult>();
        foreach (var items in prepared)
        {
            var ended = false;
            foreach (var (item, write) in items)
            {
                if (ended)
                {
                    results.Add(item.Skipped());
                    continue;
                }

                if (write.Problem is { } problem)
                    await intake.Audit.RecordRefusal(CallerScope.From(item.User), item.CaseOfRefused, item.Action, problem, ct);
                var result = item.Result(write.Problem is { } refused ? intake.Rejected(refused) : IntakeAnswer.Of(outcomes[item.Index]));
                results.Add(result);
                ended = result.Status == BatchItemStatus.Refused;
            }
        }

        return results;
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
