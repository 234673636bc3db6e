using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Writing;
using JasperFx.Events;
using JasperFx.Events.Projections;
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

    /// <summary>
    /// The projection as the daemon runs it: handed only the <see cref="Decisions"/> (the other events, about three
    /// in four, are neither read nor deserialised), in pages of 5,000 in every role. An entry is made from one event,
    /// so a rebuild's larger pages would fold nothing more at once and only hold more in memory (docs/benchmarks.md,
    /// "The feed handed only its decisions, and the loader's workers do not spin").
    /// </summary>
    public static ProjectionWrapper<IDocumentOperations, IQuerySession> Source()
    {
        var source = new ProjectionWrapper<IDocumentOperations, IQuerySession>(new FeedProjection(), ProjectionLifecycle.Async) { Name = Name };
        source.TakeOnly(Decisions);
        source.Options.BatchSize = 5_000;
        return source;
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var decisions = events.Where(e => Decisions.Contains(e.EventType)).ToList();
        if (decisions.Count == 0)
            return;

        var ids = decisions.Select(e => e.StreamId).Distinct().ToArray();
        var cases = (await operations.Query<CaseFile>()
            .Where(c => c.Id.IsOneOf(ids))
            .Select(c => new FeedCase { Id = c.Id, Ori = c.Ori, BookingNumber = c.BookingNumber })
            .ToListAsync(cancellation)).ToDictionary(c => c.Id);
        foreach (var e in decisions)
        {
            if (cases.TryGetValue(e.StreamId, out var @case))
            {
                operations.Store(new FeedEntry(e.Sequence, @case.Ori, @case.Id, @case.BookingNumber, e.Version, e.EventTypeName,
                    EventHeaders.Instant(e.GetHeader(EventHeaders.OccurredAt)), e.Timestamp, (CaseEvent)e.Data));
            }
        }
    }

    /// <summary>
    /// The two fields of a case an entry names it by, read from the case summary without the rest of it: a summary
    /// holds every fact of its case, and a rebuild's page names tens of thousands of cases.
    /// </summary>
    private sealed class FeedCase
    {
        public Guid Id { get; init; }
        public string Ori { get; init; } = "";
        public string BookingNumber { get; init; } = "";
    }
}
