namespace CaseFlow.Server.Platform;

/// <summary>
/// Collects what is wrong with a request's query string, by parameter, for a 400 validation problem. Query values
/// arrive as text and are parsed here, so an unreadable value is reported instead of being silently ignored.
/// </summary>
public sealed class QueryErrors : Dictionary<string, string[]>
{
    public TEnum? Enum<TEnum>(string name, string? text) where TEnum : struct, System.Enum
    {
        if (text is null)
            return null;
        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
            return value;
        this[name] = [$"{name} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    public int Limit(string? text)
    {
        if (text is null)
            return Paging.DefaultLimit;
        if (int.TryParse(text, out var limit) && limit is >= 1 and <= Paging.MaxLimit)
            return limit;
        this["limit"] = [$"limit must be a whole number from 1 to {Paging.MaxLimit}."];
        return Paging.DefaultLimit;
    }

    public string? Cursor(string? text)
    {
        if (Paging.TryDecode(text, out var key))
            return key;
        this["after"] = ["after must be a cursor returned as 'next' by an earlier page."];
        return null;
    }

    public string? Code(string name, string? text, int length)
    {
        if (text is null)
            return null;
        if (text.Length == length && text.All(char.IsAsciiLetter))
            return text.ToUpperInvariant();
        this[name] = [$"{name} must be a {length}-letter code."];
        return null;
    }
}
