using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseFlow.Server.Platform;

/// <summary>A page of a list in stable order; <see cref="Next"/> is the cursor of the following page, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The query of an endpoint that only pages: <c>after</c> and <c>limit</c>, read as text and checked by <see cref="FieldErrors"/>.</summary>
public sealed record PageRequest(string? After = null, string? Limit = null);

/// <summary>Cursor paging as design.md describes it: <c>after</c> (an opaque cursor) and <c>limit</c> up to 500.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));

    public static bool TryDecode(string? cursor, out string? key)
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
            return true;
        try
        {
            // A cursor this service made decodes to printable UTF-8; anything else was made up, and NUL cannot even reach PostgreSQL.
            key = StrictUtf8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return !key.Any(char.IsControl);
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }

    public static Page<T> ToPage<T>(IReadOnlyList<T> fetched, int limit, Func<T, string> keyOf) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), Encode(keyOf(fetched[limit - 1])))
            : new Page<T>(fetched, null);
}
