using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;

namespace CaseFlow.Server.Queues;

/// <summary>A queue's page: its items, the cursor of the next page, and the event position up to which the queue is current.</summary>
/// <param name="Position">The global event position the queues had applied when this page was read: every write answered with a position at or below it is reflected.</param>
/// <param name="Stale">True when the request named a <c>position</c> the queues had not reached within the wait: the page is what there is.</param>
public sealed record QueuePage<T>(IReadOnlyList<T> Items, string? Next, long Position, bool Stale);

/// <summary>The case an item is about, with what may be done next.</summary>
public sealed record QueueCase(Guid CaseId, string Ori, string BookingNumber, ProgramModel Model, CaseStatus Status, IReadOnlyList<string> NextSteps)
{
    public static QueueCase Of(CaseFile state) => new(state.Id, state.Ori, state.BookingNumber, state.Model, state.Status, CaseSequence.NextSteps(state));
}

/// <summary>A supervisor's running claim on a review item and when it lapses.</summary>
public sealed record ClaimHolder(Actor By, DateTimeOffset ClaimedAt, DateTimeOffset Until);

/// <summary>An item awaiting supervisory review: the detainer or the charging-document package.</summary>
public sealed record ReviewQueueItem(
    QueueCase Case, ReviewSubject Subject, Actor? PreparedBy, DateTimeOffset SubmittedAt, TimeSpan Age, int Returns, ClaimHolder? Claim);

/// <summary>A detainer in effect on a person still in the jail: when they are due out and how long the hold has left.</summary>
public sealed record DetainerQueueItem(
    QueueCase Case, DateTimeOffset? LodgedAt, DateTimeOffset? ServedAt, DateTimeOffset? ScheduledRelease, DateTimeOffset? HoldDeadline, TimeSpan? TimeLeft);

/// <summary>A person due to leave the jail within the window: at the scheduled release, or at the running hold's deadline.</summary>
public sealed record ReleaseQueueItem(QueueCase Case, DateTimeOffset DueAt, bool UnderHold, TimeSpan TimeLeft);

/// <summary>A deadline not met yet: missed, or at risk (due within the hour), judged as the case summary judges it; time left is negative once missed.</summary>
public sealed record DeadlineState(string Rule, DateTimeOffset Due, bool Missed, TimeSpan TimeLeft)
{
    /// <summary>Of <paramref name="deadlines"/>, those a supervisor must act on at <paramref name="at"/>: not met, and missed or at risk.</summary>
    public static IReadOnlyList<DeadlineState> Pending(IEnumerable<Deadline> deadlines, QueueMoment at) =>
        [.. deadlines.Where(d => d.MetAt is null && d.Due <= at.Now + CaseQueues.AtRisk).Select(d => new DeadlineState(d.Rule, d.Due, d.Late, d.Due - at.Now))];
}

/// <summary>The complaint a deadline item is about (MOA Appendix B reporting): its agency, number and the officer it names.</summary>
public sealed record QueueComplaint(Guid ComplaintId, string Ori, string ComplaintNumber, Guid AgainstOfficerId)
{
    public static QueueComplaint Of(Complaint complaint) => new(complaint.Id, complaint.Ori, complaint.ComplaintNumber, complaint.AgainstOfficerId);
}

/// <summary>A case, or a complaint, with deadlines a supervisor must act on: exactly one of case and complaint is not null.</summary>
public sealed record DeadlineQueueItem(QueueCase? Case, QueueComplaint? Complaint, IReadOnlyList<DeadlineState> Deadlines);

/// <summary>An open citizenship claim: it stops every enforcement step until ICE resolves it.</summary>
public sealed record ClaimQueueItem(QueueCase Case, DateTimeOffset AssertedAt, DateTimeOffset? ReportedAt, TimeSpan Age);
