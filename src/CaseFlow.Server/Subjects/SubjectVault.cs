using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Subjects;

/// <summary>
/// Envelope encryption of subject identifiers: a fresh 256-bit data key per subject encrypts the identifiers with
/// AES-256-GCM (associated data: the subjectRef, so a ciphertext moved to another subject does not decrypt); the data
/// key is wrapped with AES-256-GCM by the active master key (associated data: subjectRef and master key id). Any
/// configured master key unwraps, so nodes keep reading while a rotation is under way. Search tags are HMAC-SHA256
/// of each normalised identifier under the search key: equal identifiers, equal tags, nothing to decrypt.
/// </summary>
public sealed class SubjectVault
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int DataKeyBytes = 32;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, byte[]> _masterKeys;
    private readonly byte[] _searchKey;
    private readonly byte[]? _previousSearchKey;
    private readonly Operations.CaseFlowMetrics _metrics;

    public SubjectVault(IOptions<VaultOptions> options, Operations.CaseFlowMetrics metrics)
    {
        _metrics = metrics;
        var vault = options.Value;
        _masterKeys = vault.MasterKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        ActiveMasterKeyId = vault.ActiveMasterKeyId!;
        _searchKey = Convert.FromBase64String(vault.SearchKey!);
        _previousSearchKey = vault.PreviousSearchKey is { } previous ? Convert.FromBase64String(previous) : null;
        SearchKeyId = Convert.ToHexStringLower(HMACSHA256.HashData(_searchKey, "caseflow-vault/search-key-id"u8))[..16];
    }

    public string ActiveMasterKeyId { get; }

    /// <summary>Names the active search key without revealing it (an HMAC of a fixed text under it): which key made a subject's tags.</summary>
    public string SearchKeyId { get; }

    public IReadOnlyCollection<string> MasterKeyIds => _masterKeys.Keys;

    public bool HasMasterKey(string? id) => id is not null && _masterKeys.ContainsKey(id);

    /// <summary>The subject as the vault stores it: identifiers encrypted, data key wrapped by the active master key, search tags.</summary>
    public VaultedSubject Lock(Guid subjectRef, Guid caseId, string ori, SubjectIdentifiers identifiers)
    {
        _metrics.Vault("lock");
        var dataKey = RandomNumberGenerator.GetBytes(DataKeyBytes);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(identifiers, Json);
        try
        {
            return new VaultedSubject(subjectRef, caseId, ori, ActiveMasterKeyId, Wrap(subjectRef, ActiveMasterKeyId, dataKey),
                Encrypt(dataKey, plaintext, SubjectAad(subjectRef)), TagsOf(identifiers), SearchKeyId: SearchKeyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The identifiers; a <see cref="CryptographicException"/> when the key material is gone, unknown or was tampered with.</summary>
    public SubjectIdentifiers Open(VaultedSubject subject)
    {
        _metrics.Vault("open");
        var dataKey = Unwrap(subject);
        try
        {
            return Decrypted(subject, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Whether the vault holds exactly these identifiers for the subject (a booking sent again); false once erased.</summary>
    public bool Holds(VaultedSubject subject, SubjectIdentifiers identifiers)
    {
        try
        {
            return Open(subject) == identifiers;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// The subject under the active keys: its data key wrapped by the active master key, its tags made again with the
    /// active search key (which needs the identifiers, so they are decrypted in memory for the moment).
    /// </summary>
    public (byte[] WrappedDataKey, IReadOnlyList<string> SearchTags) Rewrap(VaultedSubject subject)
    {
        _metrics.Vault("rewrap");
        var dataKey = Unwrap(subject);
        try
        {
            return (Wrap(subject.Id, ActiveMasterKeyId, dataKey), TagsOf(Decrypted(subject, dataKey)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The tags an A-number may carry now: under the active search key and, during a rotation, the previous one.</summary>
    public IReadOnlyList<string> ANumberTags(string normalisedANumber) => TagsUnderEveryKey("a", normalisedANumber);

    public IReadOnlyList<string> FbiNumberTags(string normalisedFbiNumber) => TagsUnderEveryKey("f", normalisedFbiNumber);

    public string ANumberTag(string normalisedANumber) => Tag("a", normalisedANumber);

    public string FbiNumberTag(string normalisedFbiNumber) => Tag("f", normalisedFbiNumber);

    private List<string> TagsOf(SubjectIdentifiers identifiers) =>
    [
        .. identifiers.ANumber is { } a ? [ANumberTag(a)] : Array.Empty<string>(),
        .. identifiers.FbiNumber is { } f ? [FbiNumberTag(f)] : Array.Empty<string>(),
    ];

    private string Tag(string kind, string value) => Tag(_searchKey, kind, value);

    /// <summary>What a search looks under: counted as the vault's search operation.</summary>
    private List<string> TagsUnderEveryKey(string kind, string value)
    {
        _metrics.Vault("search");
        return _previousSearchKey is { } previous ? [Tag(_searchKey, kind, value), Tag(previous, kind, value)] : [Tag(_searchKey, kind, value)];
    }

    private static string Tag(byte[] key, string kind, string value) =>
        $"{kind}:{Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}:{value}")))}";

    private byte[] Wrap(Guid subjectRef, string masterKeyId, byte[] dataKey) =>
        Encrypt(_masterKeys[masterKeyId], dataKey, WrapAad(subjectRef, masterKeyId));

    /// <summary>The identifiers under an unwrapped data key; the plaintext bytes are wiped once read.</summary>
    private static SubjectIdentifiers Decrypted(VaultedSubject subject, byte[] dataKey)
    {
        if (subject.Ciphertext is null)
            throw new CryptographicException("The subject's ciphertext was destroyed.");
        var plaintext = Decrypt(dataKey, subject.Ciphertext, SubjectAad(subject.Id));
        try
        {
            return JsonSerializer.Deserialize<SubjectIdentifiers>(plaintext, Json) ?? throw new CryptographicException("The subject's plaintext is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private byte[] Unwrap(VaultedSubject subject)
    {
        if (subject.WrappedDataKey is null || !HasMasterKey(subject.MasterKeyId))
            throw new CryptographicException("The subject's data key was destroyed, or its master key is not configured.");
        return Decrypt(_masterKeys[subject.MasterKeyId!], subject.WrappedDataKey, WrapAad(subject.Id, subject.MasterKeyId!));
    }

    private static byte[] SubjectAad(Guid subjectRef) => Encoding.UTF8.GetBytes($"caseflow-vault/subject/{subjectRef}");

    private static byte[] WrapAad(Guid subjectRef, string masterKeyId) => Encoding.UTF8.GetBytes($"caseflow-vault/data-key/{subjectRef}/{masterKeyId}");

    /// <summary>nonce (12 bytes) | tag (16 bytes) | ciphertext.</summary>
    private static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
    {
        var sealedBox = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBox.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBox.AsSpan(NonceBytes + TagBytes), sealedBox.AsSpan(NonceBytes, TagBytes), associatedData);
        return sealedBox;
    }

    private static byte[] Decrypt(byte[] key, byte[] sealedBox, byte[] associatedData)
    {
        if (sealedBox.Length < NonceBytes + TagBytes)
            throw new CryptographicException("The sealed value is too short.");
        var plaintext = new byte[sealedBox.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBox.AsSpan(0, NonceBytes), sealedBox.AsSpan(NonceBytes + TagBytes), sealedBox.AsSpan(NonceBytes, TagBytes), plaintext, associatedData);
        return plaintext;
    }
}
