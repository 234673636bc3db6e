namespace CaseFlow.Bench.Faults;

/// <summary>The fault tools' <c>--name value</c> options.</summary>
public sealed class FaultOptions(Dictionary<string, string> values)
{
    public static FaultOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        return new FaultOptions(values);
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
}
