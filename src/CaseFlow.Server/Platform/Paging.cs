using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>A page of a list in stable order; <see cref="Next"/> is the cursor of the following page, if any.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The query of an endpoint that only pages: <c>after</c> and <c>limit</c>, read as text and checked by <see cref="FieldErrors"/>.</summary>
public sealed record PageRequest([property: ReadAs<PositionCursor>] string? After = null, string? Limit = null);

/// <summary>Cursor paging as design.md describes it: <c>after</c> (an opaque cursor) and <c>limit</c> up to 500.</summary>
public static partial class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>The longest cursor made (its key base64url-encoded: a queue's is 70 characters).</summary>
    public const int MaxCursorLength = 100;

    /// <summary>A keyset cursor as this service makes it: base64url without padding.</summary>
    public const string CursorPattern = "^[A-Za-z0-9_-]{1,100}$";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));

    public static bool TryDecode(string? cursor, out string? key)
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
            return true;
        if (!CursorForm().IsMatch(cursor))
            return false;
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

    [GeneratedRegex(CursorPattern)]
    private static partial Regex CursorForm();

    public static Page<T> ToPage<T>(IReadOnlyList<T> fetched, int limit, Func<T, string> keyOf) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), Encode(keyOf(fetched[limit - 1])))
            : new Page<T>(fetched, null);
}

/// <summary>A keyset cursor (<c>after</c> of the lists sorted by a key): the <c>next</c> of the page before, opaque.</summary>
public sealed class KeysetCursor : IParameterForm
{
    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Pattern = Paging.CursorPattern;
        schema.MaxLength = Paging.MaxCursorLength;
        schema.Description = "The next of the page before, as it was answered (base64url).";
    }
}
