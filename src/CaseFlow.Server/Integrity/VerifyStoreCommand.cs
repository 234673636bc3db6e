using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JasperFx.CommandLine;

namespace CaseFlow.Server.Integrity;

/// <summary>
/// <c>ops/verify</c>: verifies the whole store with a progress bar on standard error, prints what it checked, the rate
/// and every finding, and fails (exit code 1) on any finding.
/// </summary>
[Description("Verifies the whole store: every event's hash and chain, every checkpoint, the stream heads", Name = "verify-store")]
public sealed class VerifyStoreCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var verifier = host.Services.GetRequiredService<StoreVerifier>();
        var shown = Stopwatch.StartNew();
        var gate = new object();
        var report = await verifier.Verify((read, total) =>
        {
            lock (gate)
            {
                if (shown.ElapsedMilliseconds < 200 && read < total)
                    return;
                shown.Restart();
                var done = total == 0 ? 1 : (double)read / total;
                var bar = new string('#', (int)(done * 40)).PadRight(40, '.');
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rverifying [{bar}] {done,4:P0} {read:N0}/{total:N0} events"));
            }
        }, CancellationToken.None);
        Console.Error.WriteLine();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checked {report.EventsChecked:N0} events in {report.StreamsChecked:N0} streams (every hash recomputed, every chain), {report.CheckpointsChecked:N0} checkpoints (signature, chain, segment, Merkle root) through sequence {report.CoveredThroughSequence:N0}, every covered event and stream head against them; {report.EventsAfterLastCheckpoint:N0} events after the last checkpoint"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Seconds:N2} s, {report.EventsPerSecond:N0} events/s"));
        if (host.Services.GetRequiredService<Checkpoints.Checkpointing>().Folder?.SetAsideCount() is > 0 and var setAside)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{setAside:N0} checkpoints set aside by earlier restores (set-aside-* subfolders): kept, not verified"));
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var finding in report.Findings)
            Console.WriteLine(JsonSerializer.Serialize(finding, json));
        Console.WriteLine(report.Intact ? "intact" : $"{report.FindingCount} findings");
        return report.Intact;
    }
}
