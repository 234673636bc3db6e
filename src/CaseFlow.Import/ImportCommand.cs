namespace CaseFlow.Import;

/// <summary>The command line of <c>caseflow-import</c> (README, "caseflow-import").</summary>
public static class ImportCommand
{
    public const int AllStored = 0;
    public const int Stopped = 1;
    public const int RowsNotStored = 2;

    public const string Usage = """
        caseflow-import --server URL --ori ORI [--bookings FILE] [--steps FILE] --results FILE [--batch-size N]
          Posts a jail management system's export to CaseFlow through POST /api/events/batch, bookings first, then
          case steps, each file in its order. The token is read from the file named by --token-file (read again for
          every request, so a refreshed token is used) or from CASEFLOW_TOKEN. Run it again after a failure: rows the
          results file records as applied or replayed are not sent again, and event ids follow from the rows.
          Exit code: 0 every row stored, 2 some rows refused, invalid or skipped (see the results file), 1 stopped.
        """;

    public static async Task<int> Run(string[] args, TextWriter output, HttpMessageHandler? transport = null, CancellationToken ct = default)
    {
        var options = ImportOptions.Parse(args, out var error);
        if (options is null)
        {
            await output.WriteLineAsync($"{error}\n\n{Usage}");
            return Stopped;
        }

        var rows = new List<ImportRow>();
        if (options.Bookings is { } bookings)
            rows.AddRange(BookingsFile.Read(bookings, options.Ori));
        if (options.Steps is { } steps)
            rows.AddRange(StepsFile.Read(steps, options.Ori));

        using var http = Client.CaseFlowClient.CreateHttpClient(options.Server, options.Token, transport: transport);
        try
        {
            var summary = await new Importer(new BatchSender(http), output, options.BatchSize).Run(rows, options.Results, ct);
            await output.WriteLineAsync($"done: {summary}; results in {options.Results}");
            return summary.AllStored ? AllStored : RowsNotStored;
        }
        catch (ImportStoppedException stopped)
        {
            await output.WriteLineAsync(stopped.Message);
            return Stopped;
        }
    }
}
