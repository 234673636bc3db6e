namespace CaseFlow.Corpus;

/// <summary>ops/bench/corpus runs <c>build</c>; ops/bench/reads runs <c>reads</c> on a copy of the corpus.</summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
            return Usage();
        var options = args.Skip(1).Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
        return args[0] switch
        {
            "build" when options.ContainsKey("connection") => await CorpusBuilder.Run(options),
            "reads" when options.ContainsKey("connection") => await ReadBenchmark.Run(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: CaseFlow.Corpus build --connection CS [--cases 100000 --writers 8 --progress 1000 --from 0]"
            + " | reads --connection CS --caseflow URL --supervisor JWT --field-office CODE --analyst JWT --admin JWT [--seconds 20]");
        return 2;
    }
}
