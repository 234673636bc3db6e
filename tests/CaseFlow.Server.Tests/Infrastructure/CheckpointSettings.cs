using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>A random checkpoint key and a fresh folder of the test's own, as a node's settings.</summary>
public sealed record CheckpointSettings(string Folder, string SigningKeyPem, string PublicKeyPem)
{
    public static CheckpointSettings Random()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var folder = Directory.CreateTempSubdirectory("caseflow-checkpoints-").FullName;
        return new CheckpointSettings(folder, key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The node signs only on demand within a test: its leader's round comes once at start and then hourly.</summary>
    public void ApplyTo(IWebHostBuilder host)
    {
        host.UseSetting("Checkpoints:Folder", Folder);
        host.UseSetting("Checkpoints:SigningKey", SigningKeyPem);
        host.UseSetting("Checkpoints:Interval", "01:00:00");
    }
}
