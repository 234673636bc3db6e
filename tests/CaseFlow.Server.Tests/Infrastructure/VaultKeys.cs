using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Subject-vault keys for a test host: master keys by id, the active one, and the search key (and the previous one during a rotation), all random.</summary>
public sealed record VaultKeys(IReadOnlyDictionary<string, string> MasterKeys, string ActiveMasterKeyId, string SearchKey, string? PreviousSearchKey = null)
{
    public static VaultKeys Random(string masterKeyId) => new(new Dictionary<string, string> { [masterKeyId] = NewKey() }, masterKeyId, NewKey());

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>These keys plus <paramref name="masterKeyId"/>'s, which becomes the active one.</summary>
    public VaultKeys Activating(string masterKeyId, string key) =>
        this with { MasterKeys = new Dictionary<string, string>(MasterKeys) { [masterKeyId] = key }, ActiveMasterKeyId = masterKeyId };

    /// <summary>A new search key, the current one kept as the previous one.</summary>
    public VaultKeys RotatingSearchKey() => this with { SearchKey = NewKey(), PreviousSearchKey = SearchKey };

    /// <summary>Only <paramref name="masterKeyId"/>'s key and the active search key: the others are gone.</summary>
    public VaultKeys Only(string masterKeyId) =>
        this with { MasterKeys = new Dictionary<string, string> { [masterKeyId] = MasterKeys[masterKeyId] }, ActiveMasterKeyId = masterKeyId, PreviousSearchKey = null };

    /// <summary>The settings by their configuration keys ("Vault:SearchKey").</summary>
    public IEnumerable<(string Key, string Value)> Settings() =>
    [
        .. MasterKeys.Select(k => ($"Vault:MasterKeys:{k.Key}", k.Value)),
        ("Vault:ActiveMasterKeyId", ActiveMasterKeyId),
        ("Vault:SearchKey", SearchKey),
        .. PreviousSearchKey is null ? Array.Empty<(string, string)>() : [("Vault:PreviousSearchKey", PreviousSearchKey)],
    ];

    public void ApplyTo(IWebHostBuilder host)
    {
        foreach (var (key, value) in Settings())
            host.UseSetting(key, value);
    }

    /// <summary>The settings as a process started with <c>dotnet CaseFlow.Server.dll</c> reads them from its environment.</summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        foreach (var (key, value) in Settings())
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }
}
