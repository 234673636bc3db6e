using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.Domain.Agencies;

/// <summary>
/// An agency's 9-character NCIC Originating Agency Identifier. Real ORIs start with a two-letter NCIC state
/// prefix; agencies ICE lists without a public ORI get a surrogate that starts with <c>X</c>, which no NCIC
/// state prefix does, so a surrogate can never collide with a real ORI.
/// </summary>
public static class Ori
{
    public const int Length = 9;
    public const char SurrogatePrefix = 'X';

    // Crockford's base32: no I, L, O or U, so a surrogate cannot be misread.
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');

    public static bool IsSurrogate(string value) => value.Length == Length && value[0] == SurrogatePrefix;

    /// <summary>
    /// <c>X</c> + USPS state code + six base32 characters of SHA-256 over the normalised agency name, so the same
    /// agency gets the same key from every edition of ICE's list, whichever apostrophe or case ICE printed.
    /// </summary>
    public static string Surrogate(string stateCode, string agencyName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{stateCode.ToUpperInvariant()}|{NormaliseName(agencyName)}"));
        var bits = ((ulong)hash[0] << 32) | ((ulong)hash[1] << 24) | ((ulong)hash[2] << 16) | ((ulong)hash[3] << 8) | hash[4];
        var suffix = new char[6];
        for (var i = 0; i < suffix.Length; i++)
            suffix[i] = Base32[(int)((bits >> (35 - (5 * i))) & 31)];
        return $"{SurrogatePrefix}{stateCode.ToUpperInvariant()}{new string(suffix)}";
    }

    private static string NormaliseName(string agencyName) =>
        string.Join(' ', agencyName.Replace('\u2019', '\'').ToUpperInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
