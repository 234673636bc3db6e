using CaseFlow.Domain.Cases;
using CaseFlow.Server.Writing;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CaseFlow.Server.Feed;

/// <summary>One thing CaseFlow decided about a case, for the jail that booked the person; its id is the event's sequence.</summary>
public sealed record FeedEntry(
    long Id, string Ori, Guid CaseId, string BookingNumber, long Version, string Type, DateTimeOffset? OccurredAt, DateTimeOffset RecordedAt, CaseEvent Decision);

/// <summary>
/// The asynchronous projection behind <c>/api/feed</c>. The daemon applies events in sequence order and only up to
/// its high-water mark, so an entry never appears behind one a reader has already passed.
/// </summary>
public sealed class FeedProjection : IProjection
{
    public const string Name = "Feed";

    /// <summary>
    /// The decisions a jail learns of: detainer lodged or lifted, review outcome, hold started, expired or withdrawn,
    /// case closed, and ICE's request for notice of release (the jail is the one to give it).
    /// </summary>
    public static readonly IReadOnlySet<Type> Decisions = new HashSet<Type>
    {
        typeof(DetainerLodged), typeof(DetainerLifted), typeof(ReviewApproved), typeof(ReviewReturnedForCorrection),
        typeof(HoldStarted), typeof(HoldExpired), typeof(HoldWithdrawn), typeof(CaseClosed), typeof(ReleaseNotificationRequested),
    };

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var decisions = events.Where(e => Decisions.Contains(e.EventType)).ToList();
        if (decisions.Count == 0)
            return;

        var cases = (await operations.LoadManyAsync<CaseFile>(cancellation, decisions.Select(e => e.StreamId).Distinct())).ToDictionary(c => c.Id);
        foreach (var e in decisions)
        {
            if (cases.TryGetValue(e.StreamId, out var @case))
            {
                operations.Store(new FeedEntry(e.Sequence, @case.Ori, @case.Id, @case.BookingNumber, e.Version, e.EventTypeName,
                    EventHeaders.Instant(e.GetHeader(EventHeaders.OccurredAt)), e.Timestamp, (CaseEvent)e.Data));
            }
        }
    }
}
