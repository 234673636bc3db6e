using System.Globalization;

namespace CaseFlow.Demo.Loader;

/// <summary>This process's peak resident memory (VmHWM in /proc/self/status), in MiB.</summary>
public static class PeakMemory
{
    public static double VmHwmMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
