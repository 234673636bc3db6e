using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Subjects;

/// <summary>
/// The vault's keys (section <c>Vault</c>): master keys by id (base64 of 32 bytes; several during a rotation), the
/// one that wraps new data keys, and the key of the search tags (base64, at least 32 bytes), with the previous one
/// during a search-key rotation.
/// </summary>
public sealed class VaultOptions
{
    public const string Section = "Vault";
    public const int MasterKeyBytes = 32;
    public const int MinSearchKeyBytes = 32;

    public Dictionary<string, string> MasterKeys { get; set; } = [];
    public string? ActiveMasterKeyId { get; set; }
    public string? SearchKey { get; set; }

    /// <summary>During a search-key rotation, the key the older tags were made with: searched too until the re-wrap re-tagged them.</summary>
    public string? PreviousSearchKey { get; set; }
}

/// <summary>Refuses to start without usable keys: there is no fallback key. Messages name settings, never key material.</summary>
public sealed partial class VaultOptionsValidation : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        var failures = new List<string>();
        if (options.MasterKeys.Count == 0)
            failures.Add("Vault:MasterKeys is empty: configure at least one master key (Vault__MasterKeys__<id> = base64 of 32 random bytes; ./ops/run makes development keys).");
        foreach (var (id, key) in options.MasterKeys)
        {
            if (!KeyIdForm().IsMatch(id))
                failures.Add("Vault:MasterKeys: a key id may hold letters, digits, - and _ only (1 to 40 characters).");
            if (DecodedLength(key) != VaultOptions.MasterKeyBytes)
                failures.Add($"Vault:MasterKeys:{id} must be base64 of exactly {VaultOptions.MasterKeyBytes} bytes.");
        }

        if (string.IsNullOrEmpty(options.ActiveMasterKeyId) || !options.MasterKeys.ContainsKey(options.ActiveMasterKeyId))
            failures.Add("Vault:ActiveMasterKeyId must name one of the keys in Vault:MasterKeys.");
        if (DecodedLength(options.SearchKey) < VaultOptions.MinSearchKeyBytes)
            failures.Add($"Vault:SearchKey must be base64 of at least {VaultOptions.MinSearchKeyBytes} bytes.");
        if (options.PreviousSearchKey is not null
            && (DecodedLength(options.PreviousSearchKey) < VaultOptions.MinSearchKeyBytes || options.PreviousSearchKey == options.SearchKey))
            failures.Add($"Vault:PreviousSearchKey must be base64 of at least {VaultOptions.MinSearchKeyBytes} bytes, and not the Vault:SearchKey.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static int DecodedLength(string? base64)
    {
        var buffer = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        return base64 is not null && Convert.TryFromBase64String(base64, buffer, out var written) ? written : -1;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex KeyIdForm();
}
