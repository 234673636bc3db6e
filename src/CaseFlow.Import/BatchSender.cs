using CaseFlow.Client.Api;
using CaseFlow.Client.Api.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace CaseFlow.Import;

/// <summary>Posts rows as one batch through the generated client and reads each item's result back.</summary>
public sealed class BatchSender(CaseFlowApiClient client)
{
    public const int DefaultBatchSize = 500;
    public const int MaxBatchSize = 1_000;

    public async Task<IReadOnlyList<RowResult>> Send(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var envelopes = new List<BatchEnvelope>();
        foreach (var row in rows)
            envelopes.Add(await KiotaJsonSerializer.DeserializeAsync(row.Envelope!.ToJsonString(), BatchEnvelope.CreateFromDiscriminatorValue, ct)
                ?? new BatchEnvelope());
        var answer = await client.Api.Events.Batch.PostAsync(new BatchRequest { Events = envelopes }, cancellationToken: ct);
        var results = answer?.Results ?? [];
        return rows.Select((row, k) => results.FirstOrDefault(r => r.Index == k) is { } item
            ? new RowResult(row, item.Status ?? "", item.CaseId, item.Version, item.Problem?.Type, Detail(item.Problem))
            : new RowResult(row, RowResult.Pending, Detail: "the batch's answer has no result for this row")).ToList();
    }

    /// <summary>The problem's detail and, for a malformed row, which fields were wrong and why.</summary>
    private static string? Detail(Problem? problem) => problem is null
        ? null
        : string.Join("; ", new[] { problem.Detail ?? problem.Title }.Concat(
            problem.Errors?.AdditionalData.Select(e => $"{e.Key}: {string.Join(" ", e.Value as IEnumerable<object> ?? [e.Value])}") ?? []));
}
