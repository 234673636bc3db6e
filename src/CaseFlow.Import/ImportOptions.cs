namespace CaseFlow.Import;

public sealed record ImportOptions(
    Uri Server, string Ori, string? Bookings, string? Steps, string Results, int BatchSize, Func<CancellationToken, ValueTask<string>> Token)
{
    public static ImportOptions? Parse(string[] args, out string error)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
                return Fail($"Unexpected argument {args[i]}.", out error);
            values[args[i][2..]] = args[++i];
        }

        if (values.Keys.Except(["server", "ori", "bookings", "steps", "results", "batch-size", "token-file"]).FirstOrDefault() is { } unknown)
            return Fail($"Unknown option --{unknown}.", out error);
        if (!values.TryGetValue("server", out var server) || !Uri.TryCreate(server, UriKind.Absolute, out var serverUrl))
            return Fail("--server names CaseFlow's address, for example http://127.0.0.1:5080.", out error);
        if (!values.TryGetValue("ori", out var ori))
            return Fail("--ori names the agency whose export this is (the ids of its cases follow from it).", out error);
        if (!values.TryGetValue("results", out var results))
            return Fail("--results names the file the per-row results are written to (and resumed from).", out error);
        if (!values.ContainsKey("bookings") && !values.ContainsKey("steps"))
            return Fail("Name --bookings, --steps or both.", out error);
        var batchSize = BatchSender.DefaultBatchSize;
        if (values.TryGetValue("batch-size", out var size) && (!int.TryParse(size, out batchSize) || batchSize is < 1 or > BatchSender.MaxBatchSize))
            return Fail($"--batch-size is 1 to {BatchSender.MaxBatchSize}.", out error);

        Func<CancellationToken, ValueTask<string>> token;
        if (values.TryGetValue("token-file", out var tokenFile))
            token = async ct => (await File.ReadAllTextAsync(tokenFile, ct)).Trim();
        else if (Environment.GetEnvironmentVariable("CASEFLOW_TOKEN") is { Length: > 0 } fixedToken)
            token = _ => ValueTask.FromResult(fixedToken);
        else
            return Fail("Give the token in --token-file or CASEFLOW_TOKEN.", out error);

        error = "";
        return new ImportOptions(serverUrl, ori, values.GetValueOrDefault("bookings"), values.GetValueOrDefault("steps"), results, batchSize, token);
    }

    private static ImportOptions? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
