using System.Globalization;
using CaseFlow.Soak;

namespace CaseFlow.Bench;

/// <summary>ops/bench/soak: the soak against a served node; exit 1 when a target is missed.</summary>
public static class SoakCommand
{
    public static async Task<int> Run(string[] args)
    {
        var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        var key = Convert.FromBase64String(Environment.GetEnvironmentVariable("Auth__DevelopmentKey")
            ?? throw new InvalidOperationException("Auth__DevelopmentKey (the development signing key) is not set"));
        var soak = SoakOptions.Full(new Uri(options["caseflow"]), int.Parse(options["server-pid"], CultureInfo.InvariantCulture), key,
            double.Parse(options.GetValueOrDefault("minutes", "30"), CultureInfo.InvariantCulture));
        var result = await SoakRun.Run(soak, Console.Out);
        return result.Missed.Count == 0 ? 0 : 1;
    }
}
