using System.Diagnostics;
using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Integrity;

/// <summary>
/// A case's export checked offline by the standalone verifier (tools/verify-export.py, run here as an auditor would,
/// with the public key alone), and refused once anything it proves is changed.
/// </summary>
public class CaseExportTests(AppFixture app)
{
    [Fact]
    public async Task an_export_verifies_offline_and_every_modification_is_refused()
    {
        await using var store = await CheckpointedStore.Start(app, "export");
        var others = new[] { await store.CaseWithEvents(1), await store.CaseWithEvents(2) };
        var marker = $"Zq{Guid.NewGuid():N}"[..14];
        var caseId = await store.CaseWithEvents(3, new { name = new { given = $"{marker}Given", family = $"{marker}Family" }, dateOfBirth = "1986-05-04", aNumber = "A123456789", fbiNumber = "F86420975" });
        await store.SignCheckpoint([.. others, caseId]);
        var exported = await (await store.Node.GetAs(store.Auditor, $"/api/cases/{caseId}/export")).ReadAsTextAsync();
        var export = JsonNode.Parse(exported)!;

        foreach (var identifier in new[] { marker, "1986-05-04", "123456789", "86420975" })
            exported.ShouldNotContain(identifier, Case.Insensitive, "no person identifier in an export");

        export["provenThroughVersion"]!.GetValue<long>().ShouldBe(4);
        export["events"]!.AsArray().Count.ShouldBe(4);
        export["events"]![3]!["state"]!["case"]!["version"]!.GetValue<long>().ShouldBe(4);
        export["proof"]!["treeSize"]!.GetValue<long>().ShouldBeGreaterThan(3, "every stream's head, the seeded agreements' included");
        var (verified, said) = Verifier(exported, store.Checkpoints.PublicKeyPem);
        verified.ShouldBe(0, said);
        said.ShouldStartWith($"verified: case {caseId}, 4 events chained, version 4 signed in checkpoint ");

        foreach (var (what, modify) in Modifications())
        {
            var modified = JsonNode.Parse(exported)!;
            modify(modified);
            var (code, output) = Verifier(modified.ToJsonString(), store.Checkpoints.PublicKeyPem);
            code.ShouldBe(1, $"{what}: {output}");
            output.ShouldStartWith("refused: ", Case.Sensitive, what);
        }

        Verifier(exported, CheckpointSettings.Random().PublicKeyPem).Code.ShouldBe(1, "another key");
    }

    [Fact]
    public async Task a_case_no_checkpoint_covers_yet_is_pending_until_the_next_checkpoint()
    {
        await using var store = await CheckpointedStore.Start(app, "pending");
        var caseId = await store.CaseWithEvents(1);

        var problem = await store.Node.GetAs(store.Auditor, $"/api/cases/{caseId}/export", 409);
        (await problem.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:checkpoint-pending");

        await store.SignCheckpoint([caseId]);
        var export = JsonNode.Parse(await (await store.Node.GetAs(store.Auditor, $"/api/cases/{caseId}/export")).ReadAsTextAsync())!;
        export["provenThroughVersion"]!.GetValue<long>().ShouldBe(2, "the checkpoint written after the first export is read");
    }

    private static IEnumerable<(string What, Action<JsonNode> Modify)> Modifications()
    {
        yield return ("an event's data", e => e["events"]![1]!["data"]!["reason"] = "rewritten");
        yield return ("an event's metadata", e => e["events"]![2]!["metadata"]!["client"] = "someone-else");
        yield return ("the order of two events", e =>
        {
            var events = e["events"]!.AsArray();
            var second = events[1]!.DeepClone();
            events[1] = events[2]!.DeepClone();
            events[2] = second;
        });
        yield return ("a removed last event", e => e["events"]!.AsArray().RemoveAt(3));
        yield return ("the Merkle path", e => e["proof"]!["path"]![0] = new string('0', 64));
        yield return ("the leaf's place", e => e["proof"]!["leafIndex"] = (e["proof"]!["leafIndex"]!.GetValue<long>() + 1) % e["proof"]!["treeSize"]!.GetValue<long>());
        yield return ("the signature", e =>
        {
            var signature = Convert.FromBase64String(e["proof"]!["checkpoint"]!["signature"]!.GetValue<string>());
            signature[10] ^= 1;
            e["proof"]!["checkpoint"]!["signature"] = Convert.ToBase64String(signature);
        });
        yield return ("the checkpoint's root", e => e["proof"]!["checkpoint"]!["merkleRoot"] = new string('a', 64));
    }

    /// <summary>Runs tools/verify-export.py on the export and the public key, as files, the way its documentation says.</summary>
    private static (int Code, string Output) Verifier(string export, string publicKeyPem)
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-export-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "export.json"), export);
            File.WriteAllText(Path.Combine(folder, "key.pem"), publicKeyPem);
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(RepositoryRoot.Path, "tools", "verify-export.py"), Path.Combine(folder, "export.json"), Path.Combine(folder, "key.pem") })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
