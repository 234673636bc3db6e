using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Domain;

namespace CaseFlow.Demo.Year;

/// <summary>
/// Streams the year's writes in the order they are sent: a priority queue over what is active (each governance
/// timeline, each agency's bookings to come, each open case, each offline jail's batch being gathered), keyed by the
/// instant of its next step, so memory follows the open cases, never the year. An offline jail's steps wait in its
/// batch, sent at the batch's instant (the cases in it split across batches of at most 1,000 items, a case never);
/// a step entered after it happened (before CaseFlow went live) waits in the queue for the instant it is sent.
/// </summary>
public sealed class YearSchedule(YearCast cast, DemoSettings settings)
{
    public const int MaxBatchItems = 1000;
    public const string BatchPath = "/api/events/batch";

    private readonly PriorityQueue<object, (DateTimeOffset, long)> queue = new();
    private readonly Dictionary<(Agency Agency, DateTimeOffset SentAt), List<Step>> batches = [];
    private long sequence;
    private int held;

    /// <summary>What is waiting now: queued timelines, bookings to come and batches, and the steps held in batches.</summary>
    public int Pending => queue.Count + held;

    /// <summary>The most that was ever waiting while the year streamed.</summary>
    public int PeakPending { get; private set; }

    /// <summary>
    /// The most that may wait at once: every governance timeline, every officer's steps before CaseFlow went live
    /// (at most nine each, entered then), each agency's bookings and batch, and the open cases with the steps held for
    /// batches, which stay under a tenth of the year's cases (the mean stay is about 24 days, so about 7% of a year's
    /// cases are open at a time).
    /// </summary>
    public static int PendingBound(YearCast cast, double scale) =>
        cast.Governance.Count + 9 * cast.Agencies.Sum(a => a.Roster.Count) + 2 * cast.Agencies.Count + (int)(0.1 * Volume.CasesAtScaleOne * scale);

    public IEnumerable<DemoWrite> Writes()
    {
        foreach (var timeline in cast.Governance)
            Continue(timeline.GetEnumerator());
        foreach (var agency in cast.Agencies)
            Arrive(new Arrivals(agency, Volume.Bookings(agency, settings.Seed).GetEnumerator()));
        while (queue.TryDequeue(out var entry, out var key))
        {
            PeakPending = Math.Max(PeakPending, Pending + 1);
            switch (entry)
            {
                case IEnumerator<Step> timeline:
                    var step = timeline.Current;
                    if (step.HeldBy is { } agency)
                        Hold(agency, step);
                    else if (step.SentAt > step.At)
                        queue.Enqueue(step, (step.SentAt, sequence++));
                    else
                        yield return step.Write();
                    Continue(timeline);
                    break;
                case Step entered:
                    yield return entered.Write();
                    break;
                case Arrivals arrivals:
                    Continue(Case(arrivals.Agency, key.Item1, ++arrivals.Count).Run().GetEnumerator());
                    Arrive(arrivals);
                    break;
                case Batch batch:
                    foreach (var write in Send(batch))
                        yield return write;
                    break;
            }
        }
    }

    private CaseScript Case(Agency agency, DateTimeOffset bookedAt, int number)
    {
        var bookingNumber = $"{(agency.Model == ProgramModel.JEM ? "J" : "W")}26-{number:D6}";
        return agency.Model == ProgramModel.JEM
            ? new JemCase(agency, bookingNumber, bookedAt, settings.Seed)
            : new WsoCase(agency, bookingNumber, bookedAt, settings.Seed);
    }

    /// <summary>Queues the timeline's next step, if it has one within the year; a case still open at the year's end stays open.</summary>
    private void Continue(IEnumerator<Step> timeline)
    {
        if (timeline.MoveNext() && timeline.Current.At < YearEnd)
            queue.Enqueue(timeline, (timeline.Current.At, sequence++));
        else
            timeline.Dispose();
    }

    private void Arrive(Arrivals arrivals)
    {
        if (arrivals.Bookings.MoveNext())
            queue.Enqueue(arrivals, (arrivals.Bookings.Current, sequence++));
    }

    private void Hold(Agency agency, Step step)
    {
        if (!batches.TryGetValue((agency, step.SentAt), out var items))
        {
            batches[(agency, step.SentAt)] = items = [];
            queue.Enqueue(new Batch(agency, step.SentAt), (step.SentAt, sequence++));
        }

        items.Add(step);
        held++;
    }

    /// <summary>The batch's items, each case's together and in order, as many requests as 1,000 items a request need.</summary>
    private IEnumerable<DemoWrite> Send(Batch batch)
    {
        var items = batches[(batch.Agency, batch.SentAt)];
        batches.Remove((batch.Agency, batch.SentAt));
        held -= items.Count;
        var events = new JsonArray();
        foreach (var @case in items.GroupBy(s => s.Stream))
        {
            if (events.Count + @case.Count() > MaxBatchItems)
            {
                yield return new DemoWrite(batch.SentAt, batch.Agency.Jail, BatchPath, new JsonObject { ["events"] = events });
                events = [];
            }

            foreach (var step in @case)
            {
                if (step.Path != "/api/bookings")
                    step.Body["caseId"] = step.Stream.ToString();
                events.Add(step.Body);
            }
        }

        yield return new DemoWrite(batch.SentAt, batch.Agency.Jail, BatchPath, new JsonObject { ["events"] = events });
    }

    /// <summary>The year is over at 12:00 UTC on 1 October, once 30 September has ended in every US zone; nothing is sent that occurs later.</summary>
    public static readonly DateTimeOffset YearEnd = new(DemoSettings.LastDay.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private sealed class Arrivals(Agency agency, IEnumerator<DateTimeOffset> bookings)
    {
        public Agency Agency => agency;

        public IEnumerator<DateTimeOffset> Bookings => bookings;

        public int Count { get; set; }
    }

    private sealed record Batch(Agency Agency, DateTimeOffset SentAt);
}
