using System.Security.Cryptography;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// ops/backup-keys and ops/restore-keys on a folder of keys (CASEFLOW_KEYS_DIR): the keys a database backup does not
/// hold come back byte for byte, a damaged backup or differing keys change nothing, and --force keeps what it replaces.
/// The restore drill (ops/drill-restore) uses both against a served store.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeyBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("caseflow-keys-").FullName;
    private string Keys => Path.Combine(_root, "keys");
    private string Backups => Path.Combine(_root, "backups");

    private static readonly string[] KeyFiles =
        ["checkpoint-key.pem", "checkpoint-public-key.pem", "checkpoint-retired/20260101T000000Z-0123456789abcdef.pem", "vault/master-dev1", "vault/master-dev2", "vault/search"];

    public KeyBackupTests()
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var retired = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Write("checkpoint-key.pem", signing.ExportPkcs8PrivateKeyPem());
        Write("checkpoint-public-key.pem", signing.ExportSubjectPublicKeyInfoPem());
        Write(KeyFiles[2], retired.ExportSubjectPublicKeyInfoPem());
        foreach (var vaultKey in KeyFiles[3..])
            Write(vaultKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    [Fact]
    public async Task every_key_backed_up_comes_back_byte_for_byte_with_owner_only_access()
    {
        var originals = KeyFiles.ToDictionary(f => f, Read);
        var backup = await BackUp();
        Directory.Delete(Keys, recursive: true);

        var restored = await Restore(backup);

        restored.ExitCode.ShouldBe(0, restored.Printed);
        foreach (var (file, content) in originals)
        {
            Read(file).ShouldBe(content, file);
            File.GetUnixFileMode(Path.Combine(Keys, file)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
        File.GetUnixFileMode(Path.Combine(backup, "vault", "search")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        restored.Errors.ShouldContain("vault master keys: dev1,dev2");
    }

    [Fact]
    public async Task a_damaged_backup_is_refused_and_puts_nothing_back()
    {
        var backup = await BackUp();
        Directory.Delete(Keys, recursive: true);
        await File.AppendAllTextAsync(Path.Combine(backup, "vault", "master-dev1"), "x", TestContext.Current.CancellationToken);

        var restored = await Restore(backup);

        restored.ExitCode.ShouldNotBe(0);
        restored.Errors.ShouldContain("does not match its manifest");
        Directory.Exists(Keys).ShouldBeFalse();
    }

    [Fact]
    public async Task keys_that_differ_from_the_backup_are_replaced_only_with_force_and_kept_aside()
    {
        var backup = await BackUp();
        var backedUp = Read("vault/search");
        Write("vault/search", "a key made after the backup");

        var refused = await Restore(backup);
        refused.ExitCode.ShouldNotBe(0);
        refused.Errors.ShouldContain("(vault/search)");
        Read("vault/search").ShouldBe("a key made after the backup");

        var forced = await Restore(backup, "--force");
        forced.ExitCode.ShouldBe(0, forced.Printed);
        Read("vault/search").ShouldBe(backedUp);
        var aside = Directory.GetDirectories(Keys, "replaced-*").ShouldHaveSingleItem();
        File.ReadAllText(Path.Combine(aside, "vault", "search")).ShouldBe("a key made after the backup");
    }

    [Fact]
    public async Task keys_without_the_vault_s_are_not_backed_up()
    {
        Directory.Delete(Path.Combine(Keys, "vault"), recursive: true);

        var run = await Script("ops/backup-keys", "--dir", Backups);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("lacks the checkpoint key or the vault's keys");
        Directory.Exists(Backups).ShouldBeFalse();
    }

    private async Task<string> BackUp()
    {
        var run = await Script("ops/backup-keys", "--dir", Backups);
        run.ExitCode.ShouldBe(0, run.Printed);
        return run.Output.Trim().Split('\n')[^1];
    }

    private Task<RepositoryScript.Run> Restore(string backup, params string[] options) =>
        Script("ops/restore-keys", ["--from", backup, .. options]);

    private Task<RepositoryScript.Run> Script(string script, params string[] arguments) =>
        RepositoryScript.Execute(script, arguments, new Dictionary<string, string> { ["CASEFLOW_KEYS_DIR"] = Keys });

    private string Read(string file) => File.ReadAllText(Path.Combine(Keys, file));

    private void Write(string file, string content)
    {
        var path = Path.Combine(Keys, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
