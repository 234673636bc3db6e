using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Import;

/// <summary>
/// Posts rows as one batch (<c>POST /api/events/batch</c>) and reads each item's result back. The envelopes go as the
/// rows made them, byte for byte the same on every run, so an item sent again is judged a retry.
/// </summary>
public sealed class BatchSender(HttpClient http)
{
    public const int DefaultBatchSize = 500;
    public const int MaxBatchSize = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Answer(List<Item> Results);

    private sealed record Item(int Index, string Status, Guid? CaseId, long? Version, Problem? Problem);

    private sealed record Problem(string? Type, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

    public async Task<IReadOnlyList<RowResult>> Send(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var body = new JsonObject { ["events"] = new JsonArray(rows.Select(row => (JsonNode)row.Envelope!.DeepClone()).ToArray()) };
        using var response = await http.PostAsJsonAsync("api/events/batch", body, ct);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ReadProblem(response, ct);
            throw new HttpRequestException($"The batch was refused: {(int)response.StatusCode} {problem?.Title ?? response.ReasonPhrase}", null, response.StatusCode);
        }

        var answer = await response.Content.ReadFromJsonAsync<Answer>(Json, ct);
        var results = answer?.Results.ToDictionary(item => item.Index) ?? [];
        return rows.Select((row, k) => results.TryGetValue(k, out var item)
            ? new RowResult(row, item.Status, item.CaseId, item.Version, item.Problem?.Type, Detail(item.Problem))
            : new RowResult(row, RowResult.Pending, Detail: "the batch's answer has no result for this row")).ToList();
    }

    private static async Task<Problem?> ReadProblem(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The problem's detail and, for a malformed row, which fields were wrong and why.</summary>
    private static string? Detail(Problem? problem) => problem is null
        ? null
        : string.Join("; ", new[] { problem.Detail ?? problem.Title }.Concat(problem.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []));
}
