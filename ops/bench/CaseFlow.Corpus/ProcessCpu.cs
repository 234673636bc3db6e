using System.Globalization;
using System.Runtime.InteropServices;

namespace CaseFlow.Corpus;

/// <summary>
/// CPU time (user + system, from <c>/proc</c>) spent so far by CaseFlow's process and by PostgreSQL's: the postmaster,
/// its exited children and its live ones. Read before and after a measured phase, it says what each request cost the
/// two processes, which on a shared machine varies less than latency does.
/// </summary>
public sealed class ProcessCpu(int caseflowPid, int postmasterPid)
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK
    private static readonly double MillisecondsPerTick = 1000.0 / sysconf(ClockTicksName);

    public (double CaseFlowMs, double PostgresMs) Now() =>
        (Ticks(caseflowPid, withExitedChildren: false) * MillisecondsPerTick, PostgresTicks() * MillisecondsPerTick);

    private long PostgresTicks()
    {
        var children = File.ReadAllText($"/proc/{postmasterPid}/task/{postmasterPid}/children")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
        return Ticks(postmasterPid, withExitedChildren: true) + children.Sum(child => Ticks(child, withExitedChildren: false));
    }

    /// <summary>utime + stime (and cutime + cstime), fields 14 to 17 of <c>/proc/PID/stat</c>; 0 for a process gone meanwhile.</summary>
    private static long Ticks(int pid, bool withExitedChildren)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return 0;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one (field 3 on).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withExitedChildren ? Field(16) + Field(17) : 0);
    }

    [DllImport("libc")]
    private static extern long sysconf(int name);
}
