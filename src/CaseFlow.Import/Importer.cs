namespace CaseFlow.Import;

/// <summary>How a run ended: the count of rows per status.</summary>
public sealed record ImportSummary(IReadOnlyDictionary<string, int> Rows)
{
    public int Count(string status) => Rows.GetValueOrDefault(status);

    public bool AllStored => Rows.Keys.All(status => status is RowResult.Applied or RowResult.Replayed);

    public override string ToString() => string.Join(", ", Rows.OrderBy(r => r.Key).Select(r => $"{r.Value} {r.Key}"));
}

/// <summary>
/// Sends the rows in their order through the batch endpoint, <paramref name="batchSize"/> at a time, writing the
/// results file after each batch. Rows an earlier run stored are not sent again; after a row of a case fails, the
/// case's later rows are not sent (<c>skipped-dependency</c>) so nothing lands out of order. A failure of the
/// transport stops the run with the results written so far: running it again resumes, and a batch that did land
/// without its answer arriving is answered <c>replayed</c>.
/// </summary>
public sealed class Importer(BatchSender sender, TextWriter progress, int batchSize = BatchSender.DefaultBatchSize)
{
    public async Task<ImportSummary> Run(IReadOnlyList<ImportRow> rows, string resultsPath, CancellationToken ct)
    {
        var stored = ResultsFile.Stored(resultsPath);
        var results = rows.Select(row => stored.TryGetValue(row.EventId, out var earlier)
            ? new RowResult(row, earlier.Status, earlier.CaseId, earlier.Version, Detail: "stored by an earlier run")
            : new RowResult(row, RowResult.Pending)).ToArray();
        var failedCases = new Dictionary<string, long>();
        var toSend = Enumerable.Range(0, results.Length).Where(i => !results[i].IsDone).ToList();
        progress.WriteLine($"{rows.Count} rows, {rows.Count - toSend.Count} stored by an earlier run, {toSend.Count} to send");

        for (var start = 0; start < toSend.Count; start += batchSize)
        {
            var batch = new List<int>();
            foreach (var i in toSend.Skip(start).Take(batchSize))
            {
                var row = results[i].Row;
                if (failedCases.TryGetValue(row.BookingNumber, out var failedLine))
                    results[i] = results[i] with { Status = RowResult.SkippedDependency, Detail = $"not sent: line {failedLine} of this booking failed" };
                else if (row.Invalid is not null)
                {
                    results[i] = results[i] with { Status = RowResult.Invalid, Detail = row.Invalid };
                    failedCases[row.BookingNumber] = row.Line;
                }
                else
                    batch.Add(i);
            }

            if (batch.Count > 0)
            {
                IReadOnlyList<RowResult> answers;
                try
                {
                    answers = await sender.Send(batch.Select(i => results[i].Row).ToList(), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    ResultsFile.Write(resultsPath, results);
                    throw new ImportStoppedException(start, e);
                }
                for (var k = 0; k < batch.Count; k++)
                {
                    results[batch[k]] = answers[k];
                    if (!answers[k].IsDone)
                        failedCases.TryAdd(answers[k].Row.BookingNumber, answers[k].Row.Line);
                }
            }
            ResultsFile.Write(resultsPath, results);
            progress.WriteLine($"{Math.Min(start + batchSize, toSend.Count)}/{toSend.Count} handled: {Summarize(results)}");
        }

        ResultsFile.Write(resultsPath, results);
        return Summarize(results);
    }

    private static ImportSummary Summarize(IEnumerable<RowResult> results) =>
        new(results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
}

/// <summary>The run stopped before every row was sent; the results file holds what is known, and a new run resumes.</summary>
public sealed class ImportStoppedException(int sent, Exception cause)
    : Exception($"Stopped after {sent} rows were answered ({cause.GetType().Name}: {cause.Message}). Run again to resume: stored rows are not sent again.", cause);
