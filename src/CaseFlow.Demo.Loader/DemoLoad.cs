using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Loader;

/// <summary>
/// Runs a plan's writes in their order under the simulated clock: before the clock moves to the next instant, the
/// deadlines due by then are delivered (<see cref="DeadlineDelivery"/>); then the instant's writes are sent, those to
/// different streams concurrently (up to <c>writers</c> at once, so the server's group commit shares transactions),
/// each stream's in the plan's order. The first write CaseFlow does not apply stops the load.
/// </summary>
public sealed class DemoLoad(SimulatedClock clock, DeadlineDelivery deadlines, DemoDispatch dispatch, IServiceProvider services, int writers)
{
    // An instant with more writes than this is sent in slices, one after another (the plan is read lazily).
    private const int SliceSize = 1000;

    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task Run(IEnumerable<DemoWrite> writes, CancellationToken ct)
    {
        var slice = new List<DemoWrite>(SliceSize);
        DateTimeOffset? previous = null;
        foreach (var write in writes)
        {
            if (write.SentAt < previous)
                throw new InvalidOperationException($"The plan went back in time: a write at {write.SentAt:O} after one at {previous:O}.");
            previous = write.SentAt;
            if (slice.Count > 0 && (write.SentAt != slice[0].SentAt || slice.Count == SliceSize))
            {
                await Send(slice, ct);
                slice.Clear();
            }

            if (slice.Count == 0)
            {
                await deadlines.DeliverUpTo(write.SentAt, services, ct);
                clock.MoveTo(write.SentAt);
            }

            slice.Add(write);
        }

        await Send(slice, ct);
        await deadlines.DeliverAll(services, ct);
    }

    private async Task Send(List<DemoWrite> slice, CancellationToken ct)
    {
        if (slice.Count == 1)
            await SendOne(slice[0], ct);
        else
            await Parallel.ForEachAsync(slice.GroupBy(StreamKey), new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = ct }, async (stream, token) =>
            {
                foreach (var write in stream)
                    await SendOne(write, token);
            });
    }

    private async Task SendOne(DemoWrite write, CancellationToken ct)
    {
        await dispatch.Send(write, ct);
        Interlocked.Increment(ref _sent);
    }

    /// <summary>
    /// Which writes must follow each other: those to one resource (<c>/api/cases/{id}/events</c>); a POST to a
    /// collection (a booking, a nomination) or a batch by its sender, whose requests a real sender makes in turn.
    /// </summary>
    private static string StreamKey(DemoWrite write) =>
        write.Path.Count(c => c == '/') <= 2 || write.Path == "/api/events/batch" ? $"{write.By.Subject} {write.Path}" : write.Path;
}
