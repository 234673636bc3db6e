using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Runtime;

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
    private const int ConcurrentCases = 8;

    /// <summary>As strict as the single-event endpoints: a duplicated member is an error, not a later copy that wins.</summary>
    private static readonly JsonDocumentOptions StrictDocument = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// A jail system that was offline sends what it buffered, up to 1,000 envelopes (bookings and case events; a case
    /// event names its case by the id the client computed, in <c>caseId</c>). Items of one case are applied in order,
    /// after a refused item the rest of its case are skipped; cases are processed side by side. Every item goes
    /// through the same append path as a single write, so a batch sent again is answered <c>replayed</c> throughout.
    /// </summary>
    [WolverinePost("/api/events/batch", Name = "PostBatch")]
    [Authorize(Policy = Policies.WriteIntake)]
    [RequestSizeLimit(MaxBytes)]
    [ProducesResponseType<BatchResult>(200)]
    [ProducesResponseType(413)]
    public static async Task<IResult> Post(
        HttpContext http, ClaimsPrincipal user, IDocumentStore store, IntakeServices intake, IOptions<GovernanceOptions> governance,
        IWolverineRuntime runtime, CancellationToken ct)
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

        var work = items.Select((node, index) => BatchItem.Read(index, node, user, intake.Json)).ToList();
        var results = new BatchItemResult[work.Count];
        using var gate = new SemaphoreSlim(ConcurrentCases);
        await Task.WhenAll(work.GroupBy(w => w.CaseKey).Select(async group =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await using var session = store.QuerySession();
                var context = new Wolverine.Runtime.MessageContext(runtime);
                var refused = false;
                foreach (var item in group)
                {
                    results[item.Index] = refused
                        ? new BatchItemResult(item.Index, item.EventId, BatchItemStatus.SkippedDependency, item.CaseId, null, null)
                        : await item.Apply(user, session, intake, governance.Value, context, ct);
                    refused |= results[item.Index].Status == BatchItemStatus.Refused;
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return Results.Ok(new BatchResult(results));
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
