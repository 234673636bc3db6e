namespace CaseFlow.Bench;

public sealed record LoadOptions(Uri CaseFlow, Uri Baseline, string Token, IReadOnlyList<int> Clients, int Requests, int Warmup, IReadOnlyDictionary<string, int> Servers, int Postmaster)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        return new LoadOptions(
            new Uri(values["caseflow"]),
            new Uri(values["baseline"]),
            values["token"],
            values.GetValueOrDefault("clients", "16,32").Split(',').Select(int.Parse).ToList(),
            int.Parse(values.GetValueOrDefault("requests", "4000")),
            int.Parse(values.GetValueOrDefault("warmup", "2000")),
            values.GetValueOrDefault("servers", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1])),
            int.Parse(values.GetValueOrDefault("postgres-pid", "0")));
    }
}
