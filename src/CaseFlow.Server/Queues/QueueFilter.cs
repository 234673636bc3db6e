using System.Globalization;
using CaseFlow.Domain;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Queues;

/// <summary>The query of every queue: agency, model, field office (auditors; a supervisor is held to their own), paging, and the position to wait for.</summary>
public sealed record QueueFilter(
    string? Ori = null, [property: NamesOf(typeof(ProgramModel))] string? Model = null, string? FieldOffice = null, [property: ReadAs<KeysetCursor>] string? After = null,
    string? Limit = null, [property: ReadAs<StreamPosition>] string? Position = null);

/// <summary>A queue's filter, read and checked.</summary>
public sealed record QueueQuery(string? Ori, ProgramModel? Model, string? FieldOffice, (DateTimeOffset At, Guid Id)? After, int Limit, long? Position)
{
    public static QueueQuery? Read(QueueFilter filter, FieldErrors errors)
    {
        var query = new QueueQuery(errors.Ori("ori", filter.Ori), errors.Enum<ProgramModel>("model", filter.Model), errors.FieldOfficeCode("fieldOffice", filter.FieldOffice),
            Keyset(filter.After, errors), errors.Limit(filter.Limit), filter.Position is null ? null : errors.Position("position", filter.Position));
        return errors.Count > 0 ? null : query;
    }

    /// <summary>The key of a row sorted by <paramref name="at"/>, that a next page's cursor encodes.</summary>
    public static string Key(DateTimeOffset at, Guid id) => $"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:N}";

    private static (DateTimeOffset, Guid)? Keyset(string? after, FieldErrors errors)
    {
        if (errors.Cursor(after) is not { } key)
            return null;
        var parts = key.Split('|');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        errors.Add("after", "after must be a cursor returned as 'next' by an earlier page.");
        return null;
    }
}
