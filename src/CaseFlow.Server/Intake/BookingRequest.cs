using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Subjects;

namespace CaseFlow.Server.Intake;

public sealed record ChargeData(
    [property: MaxLength(BookingValidation.MaxCodeLength)] string? Code = null,
    [property: MaxLength(FieldErrors.MaxTextLength)] string? Description = null,
    [property: NamesOf(typeof(ChargeLevel))] string? Level = null);

public sealed record NameData(
    [property: MaxLength(BookingValidation.MaxNameLength)] string? Given = null,
    [property: MaxLength(BookingValidation.MaxNameLength)] string? Family = null,
    [property: MaxLength(BookingValidation.MaxNameLength)] string? Middle = null);

/// <summary>The person's identifiers as the jail sends them. They go to the subject vault only.</summary>
public sealed record SubjectData(
    NameData? Name = null, string? DateOfBirth = null, string? ANumber = null, string? FbiNumber = null, string? StateId = null);

/// <summary>The data of a booking referred to 287(g) processing.</summary>
public sealed record BookingData(
    [property: NamesOf(typeof(ProgramModel))] string? Model = null,
    [property: MaxLength(BookingValidation.MaxBookingNumberLength)] string? BookingNumber = null,
    string? BookedAt = null,
    IReadOnlyList<ChargeData>? Charges = null,
    string? ScheduledRelease = null,
    SubjectData? Subject = null);

/// <summary>The booking's facts after validation: everything of the booking but the person.</summary>
public sealed record BookingFacts(
    ProgramModel Model, string BookingNumber, DateTimeOffset BookedAt, IReadOnlyList<Charge> Charges, DateTimeOffset? ScheduledRelease);

public static partial class BookingValidation
{
    public const int MaxCharges = 50;
    public const int MaxBookingNumberLength = 40;
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 100;

    /// <summary>Checks the booking's data; field names in errors are JSON paths under <c>data</c>. Messages never echo values.</summary>
    public static (BookingFacts? Facts, SubjectIdentifiers? Subject) Read(BookingData data, FieldErrors errors, DateTimeOffset now)
    {
        var model = errors.Enum<ProgramModel>("data.model", data.Model ?? "");
        var bookingNumber = errors.Required("data.bookingNumber", data.BookingNumber, MaxBookingNumberLength);
        if (bookingNumber is not null && !BookingNumberForm().IsMatch(bookingNumber))
            errors.Add("data.bookingNumber", "data.bookingNumber may hold letters, digits and - _ / . only.");
        var bookedAt = Instant(errors, "data.bookedAt", data.BookedAt, required: true);
        if (bookedAt > now + OccurredAt.MaxAhead)
            errors.Add("data.bookedAt", "data.bookedAt is in the future.");
        var release = Instant(errors, "data.scheduledRelease", data.ScheduledRelease, required: false);
        if (release is not null && bookedAt is not null && release < bookedAt)
            errors.Add("data.scheduledRelease", "data.scheduledRelease is before data.bookedAt.");
        var charges = Charges(errors, data.Charges);
        var subject = Subject(errors, data.Subject, now);

        return errors.Count > 0
            ? (null, null)
            : (new BookingFacts(model!.Value, bookingNumber!, bookedAt!.Value, charges, release), subject);
    }

    private static DateTimeOffset? Instant(FieldErrors errors, string name, string? text, bool required)
    {
        if (text is null)
        {
            if (required)
                errors.Add(name, $"{name} is required.");
            return null;
        }

        if (Instants.TryParse(text, out var value))
            return value;
        errors.Add(name, $"{name} must be an RFC 3339 date-time with an offset.");
        return null;
    }

    private static List<Charge> Charges(FieldErrors errors, IReadOnlyList<ChargeData>? charges)
    {
        if (charges is null || charges.Count == 0)
        {
            errors.Add("data.charges", "data.charges must list the charges the person was booked on.");
            return [];
        }

        if (charges.Count > MaxCharges)
            errors.Add("data.charges", $"data.charges may hold at most {MaxCharges} charges.");
        return charges.Select((c, i) => new Charge(
                errors.Required($"data.charges[{i}].code", c.Code, MaxCodeLength) ?? "",
                errors.Required($"data.charges[{i}].description", c.Description, FieldErrors.MaxTextLength) ?? "",
                errors.Enum<ChargeLevel>($"data.charges[{i}].level", c.Level ?? "") ?? ChargeLevel.Civil))
            .ToList();
    }

    private static SubjectIdentifiers? Subject(FieldErrors errors, SubjectData? subject, DateTimeOffset now)
    {
        if (subject is null)
        {
            errors.Add("data.subject", "data.subject is required: the person's name and date of birth at least.");
            return null;
        }

        var given = errors.Required("data.subject.name.given", subject.Name?.Given, MaxNameLength);
        var family = errors.Required("data.subject.name.family", subject.Name?.Family, MaxNameLength);
        var middle = subject.Name?.Middle is { } m ? errors.Required("data.subject.name.middle", m, MaxNameLength) : null;

        DateOnly? dateOfBirth = null;
        if (!DateOnly.TryParseExact(subject.DateOfBirth ?? "", "yyyy-MM-dd", out var dob))
            errors.Add("data.subject.dateOfBirth", "data.subject.dateOfBirth is required, as YYYY-MM-DD.");
        else if (dob.Year < 1900 || dob > DateOnly.FromDateTime(now.UtcDateTime))
            errors.Add("data.subject.dateOfBirth", "data.subject.dateOfBirth is not a plausible date of birth.");
        else
            dateOfBirth = dob;

        var aNumber = ANumber(errors, "data.subject.aNumber", subject.ANumber);
        var fbiNumber = FbiNumber(errors, "data.subject.fbiNumber", subject.FbiNumber);
        var stateId = Optional(errors, "data.subject.stateId", subject.StateId, StateIdForm(), "a state id (SID): 1 to 20 letters, digits and hyphens");

        return given is null || family is null || dateOfBirth is null
            ? null
            : new SubjectIdentifiers(new PersonName(given, family, middle), dateOfBirth.Value, aNumber, fbiNumber, stateId?.ToUpperInvariant());
    }

    /// <summary>An A-number in its one normalised form (A and nine digits), so the same number always has the same search tag.</summary>
    public static string? ANumber(FieldErrors errors, string name, string? text) =>
        NormaliseANumber(Optional(errors, name, text, ANumberForm(), "an A-number: A followed by 8 or 9 digits"));

    /// <summary>An FBI number (UCN) in upper case.</summary>
    public static string? FbiNumber(FieldErrors errors, string name, string? text) =>
        Optional(errors, name, text, FbiNumberForm(), "an FBI number (UCN): 1 to 9 letters and digits")?.ToUpperInvariant();

    /// <summary>The text read as an A-number, normalised, or null if it is none (no error: for text that may be anything).</summary>
    public static string? AsANumber(string text) => ANumberForm().IsMatch(text.Trim()) ? NormaliseANumber(text.Trim()) : null;

    /// <summary>The text read as an FBI number, upper-cased, or null if it is none.</summary>
    public static string? AsFbiNumber(string text) => FbiNumberForm().IsMatch(text.Trim()) ? text.Trim().ToUpperInvariant() : null;

    private static string? Optional(FieldErrors errors, string name, string? text, Regex form, string what)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        if (form.IsMatch(trimmed))
            return trimmed;
        errors.Add(name, $"{name} must be {what}.");
        return null;
    }

    private static string? NormaliseANumber(string? aNumber) =>
        aNumber is null ? null : "A" + new string(aNumber.Where(char.IsAsciiDigit).ToArray()).PadLeft(9, '0');

    /// <summary>The forms the identifiers are read in (also the OpenAPI document's patterns).</summary>
    public const string BookingNumberPattern = "^[A-Za-z0-9_./-]+$";
    public const string ANumberPattern = "^[Aa]?-?(\\d{8,9}|\\d{3}-\\d{3}-\\d{3})$";
    public const string FbiNumberPattern = "^[A-Za-z0-9]{1,9}$";
    public const string StateIdPattern = "^[A-Za-z0-9-]{1,20}$";

    [GeneratedRegex(BookingNumberPattern)]
    private static partial Regex BookingNumberForm();

    [GeneratedRegex(ANumberPattern)]
    private static partial Regex ANumberForm();

    [GeneratedRegex(FbiNumberPattern)]
    private static partial Regex FbiNumberForm();

    [GeneratedRegex(StateIdPattern)]
    private static partial Regex StateIdForm();
}
