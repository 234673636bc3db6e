using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>A random checkpoint key (and the public keys of those rotated out before it) and a fresh folder of the test's own, as a node's settings.</summary>
public sealed record CheckpointSettings(string Folder, string SigningKeyPem, string PublicKeyPem, IReadOnlyList<string> RetiredPublicKeyPems)
{
    public static CheckpointSettings Random() => WithNewKey(Directory.CreateTempSubdirectory("caseflow-checkpoints-").FullName, []);

    /// <summary>The same folder, a new key, and this key's public key retired after the others, as ops/rotate-checkpoint-key does.</summary>
    public CheckpointSettings Rotated() => WithNewKey(Folder, [.. RetiredPublicKeyPems, PublicKeyPem]);

    private static CheckpointSettings WithNewKey(string folder, IReadOnlyList<string> retired)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CheckpointSettings(folder, key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem(), retired);
    }

    /// <summary>The node signs only on demand within a test: its leader's round comes once at start and then hourly.</summary>
    public void ApplyTo(IWebHostBuilder host)
    {
        host.UseSetting("Checkpoints:Folder", Folder);
        host.UseSetting("Checkpoints:SigningKey", SigningKeyPem);
        host.UseSetting("Checkpoints:Interval", "01:00:00");
        for (var i = 0; i < RetiredPublicKeyPems.Count; i++)
            host.UseSetting($"Checkpoints:RetiredPublicKeys:{i}", RetiredPublicKeyPems[i]);
    }
}
