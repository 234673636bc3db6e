using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Server.Platform;

/// <summary>
/// Collects what is wrong with a request, by field or query parameter, for a 400 validation problem. Values arrive
/// as text and are parsed here, so an unreadable value is reported instead of being silently ignored. Messages
/// name the field and the expected form, never the value sent (it may be a person identifier).
/// </summary>
public sealed partial class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string name, string message) =>
        this[name] = TryGetValue(name, out var existing) ? [.. existing, message] : [message];

    /// <summary>The longest text a member checked by <see cref="Required"/> may hold unless it names its own limit.</summary>
    public const int MaxTextLength = 200;

    public string? Required(string name, string? text, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            Add(name, $"{name} is required.");
        else if (text.Length > maxLength)
            Add(name, $"{name} must be at most {maxLength} characters.");
        else
            return text.Trim();
        return null;
    }

    public const int MaxReferenceLength = 100;

    /// <summary>
    /// A reference number (a docket, a schedule entry, an approval's file number): letters, digits and - _ / . : #, at
    /// least one digit and one separator, no spaces, so a caption or a person's name cannot pass for one.
    /// <paramref name="what"/> says, for the message, what the reference is.
    /// </summary>
    public string? Reference(string name, string? text, string what)
    {
        var reference = Required(name, text, MaxReferenceLength);
        if (reference is not null && !ReferenceForm().IsMatch(reference))
        {
            Add(name, $"{name} is {what}: letters, digits and - _ / . : #, at least one digit and one separator, no spaces (never a person's name).");
            return null;
        }

        return reference;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?=.*[0-9])(?=.*[-_/.:#])[A-Za-z0-9_/.:#-]+$")]
    private static partial System.Text.RegularExpressions.Regex ReferenceForm();

    public ValidationProblemDetails ToProblem() => new(this)
    {
        Status = 400,
        Type = "urn:caseflow:problem:invalid-request",
        Title = "The request is not valid",
        Extensions = { ["retryable"] = false },
    };

    public TEnum? Enum<TEnum>(string name, string? text) where TEnum : struct, System.Enum
    {
        if (text is null)
            return null;
        // A name, in any case, as the JSON enum converter reads it: never a number.
        if (System.Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } known)
            return System.Enum.Parse<TEnum>(known);
        Add(name, $"{name} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>An optional instant (RFC 3339 with an offset); <paramref name="fallback"/> when it is left out.</summary>
    public DateTimeOffset Instant(string name, string? text, DateTimeOffset fallback)
    {
        if (text is null)
            return fallback;
        if (CaseFlow.Domain.Intake.Instants.TryParse(text, out var value))
            return value;
        Add(name, $"{name} must be an RFC 3339 date-time with an offset.");
        return fallback;
    }

    public int Limit(string? text)
    {
        if (text is null)
            return Paging.DefaultLimit;
        if (int.TryParse(text, out var limit) && limit is >= 1 and <= Paging.MaxLimit)
            return limit;
        Add("limit", $"limit must be a whole number from 1 to {Paging.MaxLimit}.");
        return Paging.DefaultLimit;
    }

    /// <summary>The most digits of a position (<see cref="Position"/>): 10^18 events is beyond any store.</summary>
    public const int MaxPositionDigits = 18;

    public const long MaxPosition = 999_999_999_999_999_999;

    /// <summary>A position in an ordered stream (a version, a sequence) a page continues after; 0 when left out.</summary>
    public long Position(string name, string? text)
    {
        if (text is null)
            return 0;
        if (text.Length <= MaxPositionDigits
            && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
            return position;
        Add(name, $"{name} must be the next cursor of an earlier page.");
        return 0;
    }

    /// <summary>A case's version (<see cref="Cases.CaseVersionParameter"/>): a whole number from 1; 0 when unreadable.</summary>
    public long Version(string name, string text)
    {
        if (text.Length <= MaxPositionDigits
            && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1)
            return version;
        Add(name, $"{name} must be a whole number from 1 (a version of the case).");
        return 0;
    }

    public string? Cursor(string? text)
    {
        if (Paging.TryDecode(text, out var key))
            return key;
        Add("after", "after must be a cursor returned as 'next' by an earlier page.");
        return null;
    }

    /// <summary>An agency's ORI in upper case; null, without an error, when left out.</summary>
    public string? Ori(string name, string? text)
    {
        if (text is null)
            return null;
        var ori = text.ToUpperInvariant();
        if (CaseFlow.Domain.Agencies.Ori.IsWellFormed(ori))
            return ori;
        Add(name, $"{name} must be a 9-character ORI.");
        return null;
    }

    /// <summary>A USPS state code's length.</summary>
    public const int StateCodeLength = 2;

    /// <summary>An ICE ERO field office code's length.</summary>
    public const int FieldOfficeCodeLength = 3;

    /// <summary>A USPS state code in upper case; null, without an error, when left out.</summary>
    public string? StateCode(string name, string? text) => Code(name, text, StateCodeLength);

    /// <summary>An ERO field office code in upper case; null, without an error, when left out.</summary>
    public string? FieldOfficeCode(string name, string? text) => Code(name, text, FieldOfficeCodeLength);

    private string? Code(string name, string? text, int length)
    {
        if (text is null)
            return null;
        if (text.Length == length && text.All(char.IsAsciiLetter))
            return text.ToUpperInvariant();
        Add(name, $"{name} must be a {length}-letter code.");
        return null;
    }
}
