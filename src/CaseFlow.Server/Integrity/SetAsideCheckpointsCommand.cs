using System.Text.Json;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;
using JasperFx.CommandLine;

namespace CaseFlow.Server.Integrity;

/// <summary>
/// <c>ops/verify --set-aside</c>, after a point-in-time restore: the checkpoints beyond the restored store's end are
/// moved out of the chain (into a <c>set-aside-*</c> subfolder), so the nodes sign on from the last checkpoint the store
/// still reaches and the verification is intact again. Refuses when the store differs from its checkpoints in any
/// other way: only what a restore explains is set aside.
/// </summary>
[Description("Sets aside the checkpoints beyond a restored store's end", Name = "set-aside-checkpoints")]
public sealed class SetAsideCheckpointsCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var report = await host.Services.GetRequiredService<StoreVerifier>().Verify((_, _) => { }, CancellationToken.None);
        var others = report.Findings.Where(f => f.Kind != FindingKinds.CheckpointBeyondStore).ToList();
        if (others.Count > 0)
        {
            Console.WriteLine($"not set aside: the store differs from its checkpoints in other ways too ({report.FindingCount} findings):");
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            foreach (var finding in others)
                Console.WriteLine(JsonSerializer.Serialize(finding, json));
            return false;
        }

        if (report.CheckpointsBeyondStore.Count == 0)
        {
            Console.WriteLine("no checkpoint lies beyond the store: nothing set aside");
            return true;
        }

        var folder = host.Services.GetRequiredService<Checkpointing>().Folder!;
        var aside = folder.SetAside(report.CheckpointsBeyondStore, TimeProvider.System.GetUtcNow());
        Console.WriteLine($"set aside {report.CheckpointsBeyondStore.Count} checkpoints beyond the store (numbers {report.CheckpointsBeyondStore[0]} to {report.CheckpointsBeyondStore[^1]}) into {aside}");
        return true;
    }
}
