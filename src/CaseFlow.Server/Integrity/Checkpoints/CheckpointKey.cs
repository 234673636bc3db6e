using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// The checkpoints' ECDSA P-256 key: signs (where the private key is configured) and verifies a header's canonical
/// text. Signatures are IEEE P1363 (r ‖ s, 64 bytes), base64; the key id is the first 16 hex digits of the SHA-256 of
/// the public key's SubjectPublicKeyInfo.
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    private readonly ECDsa? _private;
    private readonly ECDsa _public;

    private CheckpointKey(ECDsa? privateKey, ECDsa publicKey)
    {
        _private = privateKey;
        _public = publicKey;
        var spki = publicKey.ExportSubjectPublicKeyInfo();
        Id = Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
        PublicKeyPem = publicKey.ExportSubjectPublicKeyInfoPem();
    }

    public string Id { get; }

    public string PublicKeyPem { get; }

    public bool CanSign => _private is not null;

    public static CheckpointKey From(CheckpointOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var signing = ECDsa.Create();
            signing.ImportFromPem(options.SigningKey);
            Require(signing);
            var verifying = ECDsa.Create();
            verifying.ImportSubjectPublicKeyInfo(signing.ExportSubjectPublicKeyInfo(), out _);
            return new CheckpointKey(signing, verifying);
        }

        return PublicOnly(options.PublicKey ?? throw new InvalidOperationException("Checkpoints:SigningKey or Checkpoints:PublicKey is required."));
    }

    /// <summary>A key that only verifies, from its public key (SPKI PEM).</summary>
    public static CheckpointKey PublicOnly(string publicKeyPem)
    {
        var publicOnly = ECDsa.Create();
        publicOnly.ImportFromPem(publicKeyPem);
        Require(publicOnly);
        return new CheckpointKey(null, publicOnly);
    }

    public string Sign(string canonical) =>
        Convert.ToBase64String((_private ?? throw new InvalidOperationException("This node has no checkpoint signing key."))
            .SignData(Encoding.UTF8.GetBytes(canonical), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public bool Verifies(string canonical, string signature)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(signature, bytes, out var length) && length == 64
            && _public.VerifyData(Encoding.UTF8.GetBytes(canonical), bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static void Require(ECDsa key)
    {
        if (key.KeySize != 256)
            throw new InvalidOperationException("The checkpoint key must be an ECDSA P-256 key.");
    }

    public void Dispose()
    {
        _private?.Dispose();
        _public.Dispose();
    }
}
