using System.Text.Json.Serialization;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CaseFlow.Domain.Statistics;

namespace CaseFlow.Domain.Complaints;

/// <summary>
/// A complaint and its two reporting deadlines (MOA Appendix B): ICE must be told within 48 hours of the agency
/// learning of it, weekends excluded, and of the outcome within 30 days of resolution. Lateness is derived from
/// these instants whenever it is read, so a late-recorded fact corrects it.
/// </summary>
public sealed record Complaint : IChainedState<Complaint>
{
    public const int NotificationHours = 48;
    public const int OutcomeReportDays = 30;
    public const string NotificationRule = "ice-notified-of-complaint-within-48-weekday-hours";
    public const string OutcomeReportRule = "complaint-outcome-reported-within-30d";

    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ChainHead { get; init; } = "";
    public required string Ori { get; init; }
    public required string ComplaintNumber { get; init; }
    public Guid AgainstOfficerId { get; init; }
    public required string FieldOfficeCode { get; init; }
    public required string TimeZone { get; init; }
    public DateTimeOffset LearnedAt { get; init; }
    public DateTimeOffset NotificationDue { get; init; }
    public DateTimeOffset? NotifiedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public ComplaintOutcome? Outcome { get; init; }
    public DateTimeOffset? OutcomeReportDue => ResolvedAt?.AddDays(OutcomeReportDays);
    public DateTimeOffset? OutcomeReportedAt { get; init; }

    /// <summary>Whether ICE was (or, unnotified at <paramref name="now"/>, is being) told late.</summary>
    public bool NotificationLate(DateTimeOffset now) => Deadlines(now)[0].Late;

    /// <summary>The agency-local month the agency learned of the complaint in (<c>2026-02</c>): the month statistics count it received.</summary>
    [JsonIgnore]
    public string ReceivedMonth => StatisticsCalendar.Name(StatisticsCalendar.MonthOf(LearnedAt, TimeZone));

    /// <summary>
    /// From which instant, in UTC ticks, <see cref="NotificationLate"/> holds (null: never): told late, always; told in
    /// time, never; not told yet, from the first tick past the due instant. Stored so statistics count it in SQL.
    /// </summary>
    [JsonIgnore]
    public long? NotificationLateFromUtcTicks =>
        NotifiedAt is null ? NotificationDue.AddTicks(1).UtcTicks
        : NotificationLate(DateTimeOffset.MinValue) ? DateTimeOffset.MinValue.UtcTicks
        : null;

    public bool OutcomeReportLate(DateTimeOffset now) => Deadlines(now) is [_, { Late: true }];

    /// <summary>The two reporting deadlines as the case's are judged: ICE's notification, and once resolved the outcome report.</summary>
    public IReadOnlyList<Deadline> Deadlines(DateTimeOffset now) =>
        OutcomeReportDue is { } outcomeDue
            ? [Deadline.Judge(NotificationRule, NotificationDue, NotifiedAt, now), Deadline.Judge(OutcomeReportRule, outcomeDue, OutcomeReportedAt, now)]
            : [Deadline.Judge(NotificationRule, NotificationDue, NotifiedAt, now)];

    /// <summary>
    /// The earliest reporting deadline not met yet, in UTC (as PostgreSQL stores instants), which the supervisors'
    /// deadline queue sorts by (null when both are met): stored with the complaint, so the queue filters on an indexed
    /// column and computes time left when read.
    /// </summary>
    public DateTimeOffset? DeadlineAt =>
        Deadlines(DateTimeOffset.MinValue).Where(d => d.MetAt is null).Select(d => (DateTimeOffset?)d.Due.ToUniversalTime()).Min();

    public Complaint AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };

    public static Complaint Receive(ComplaintReceived e) => new()
    {
        Id = e.ComplaintId,
        Ori = e.Ori,
        ComplaintNumber = e.ComplaintNumber,
        AgainstOfficerId = e.AgainstOfficerId,
        FieldOfficeCode = e.FieldOfficeCode,
        TimeZone = e.TimeZone,
        LearnedAt = e.LearnedAt,
        NotificationDue = WeekdayHours.Add(e.LearnedAt, NotificationHours, e.TimeZone),
    };

    static Complaint? IChainedState<Complaint>.Evolve(Complaint? state, Guid eventId, object @event) => Evolve(state, @event);

    public static Complaint? Evolve(Complaint? state, object @event) => (state, @event) switch
    {
        (_, ComplaintReceived e) => Receive(e),
        (not null, IceNotifiedOfComplaint e) => state with { NotifiedAt = e.NotifiedAt },
        (not null, ComplaintResolved e) => state with { ResolvedAt = e.ResolvedAt, Outcome = e.Outcome },
        (not null, ComplaintOutcomeReported e) => state with { OutcomeReportedAt = e.ReportedAt },
        _ => state,
    };
}

/// <summary>The order of a complaint's steps; null means accepted.</summary>
public static class ComplaintRules
{
    public static Refusal? Check(Complaint complaint, object @event) => @event switch
    {
        IceNotifiedOfComplaint e => complaint.NotifiedAt is not null ? Repeated("ICE was already notified")
            : e.NotifiedAt < complaint.LearnedAt ? Before("the notification", "the agency learned of the complaint") : null,
        ComplaintResolved e => complaint.ResolvedAt is not null ? Repeated("The complaint is already resolved")
            : e.ResolvedAt < complaint.LearnedAt ? Before("the resolution", "the agency learned of the complaint") : null,
        ComplaintOutcomeReported e => complaint.ResolvedAt is null
            ? new Refusal("complaint-not-resolved", "The complaint is not resolved", "Report the outcome after the resolution is recorded.")
            : complaint.OutcomeReportedAt is not null ? Repeated("The outcome was already reported")
            : e.ReportedAt < complaint.ResolvedAt ? Before("the report", "the resolution") : null,
        _ => null,
    };

    private static Refusal Repeated(string what) => new("complaint-step-repeated", what, $"{what}; correct it with a new event, not a second one.");

    private static Refusal Before(string what, string earlier) => new("complaint-step-out-of-order", $"Too early for {what}", $"{what} cannot precede {earlier}.");
}
