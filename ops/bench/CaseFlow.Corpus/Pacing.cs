using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CaseFlow.Corpus;

/// <summary>
/// Sleeps until an instant of <see cref="Stopwatch"/> to within the kernel's timer slack (tens of microseconds).
/// <c>Task.Delay</c> and <c>Thread.Sleep</c> round to whole milliseconds, so at 1,000 requests/s a loop paced by them
/// wakes a millisecond or more late and sends in bursts, and the open loop charges that lateness to the server.
/// </summary>
public static class Pacing
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remaining);

    /// <summary>
    /// Blocks the calling thread until <paramref name="timestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value,
    /// which on Linux is CLOCK_MONOTONIC in nanoseconds); returns at once when it has passed.
    /// </summary>
    public static void SleepUntil(long timestamp)
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
            throw new PlatformNotSupportedException("Pacing needs Linux's CLOCK_MONOTONIC as the Stopwatch's clock.");
        var until = new Timespec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
        // An absolute deadline: a signal's interruption (EINTR) just sleeps again towards the same instant.
        while (Stopwatch.GetTimestamp() < timestamp && ClockNanosleep(ClockMonotonic, AbsoluteTime, ref until, IntPtr.Zero) != 0)
        {
        }
    }
}
