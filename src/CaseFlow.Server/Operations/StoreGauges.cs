using System.Diagnostics.Metrics;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Complaints;
using CaseFlow.Server.Queues;
using Marten;

namespace CaseFlow.Server.Operations;

/// <summary>
/// Gauges of what the store holds: <c>caseflow.breaches.open</c> (deadlines missed and still not met, by rule, model
/// and field office, read from the queues' read model and the complaints) and <c>caseflow.dead_letters</c> (messages
/// that failed after their retries). Read when a collection asks for them and at most every <see cref="MaxAge"/>: a
/// collection is answered from the latest reading while a newer one is made, so a scrape never waits on the database,
/// and a node nobody scrapes reads nothing. Every node reports the same store: aggregate them with max, not sum.
/// </summary>
public sealed class StoreGauges
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly IDocumentStore _store;
    private readonly DeadLetterQueue _deadLetters;
    private readonly TimeProvider _clock;
    private readonly ILogger<StoreGauges> _log;
    private volatile Reading _latest = new([], 0, DateTimeOffset.MinValue);
    private int _reading;

    public StoreGauges(IDocumentStore store, DeadLetterQueue deadLetters, TimeProvider clock, CaseFlowMetrics metrics, ILogger<StoreGauges> log)
    {
        (_store, _deadLetters, _clock, _log) = (store, deadLetters, clock, log);
        metrics.Meter.CreateObservableGauge("caseflow.breaches.open", () => Current().Breaches, "{breach}",
            "Deadlines of open cases and complaints that are due and not met, by rule (kind), model and field office");
        metrics.Meter.CreateObservableGauge("caseflow.dead_letters", () => Current().DeadLetters, "{message}",
            "Messages (a hold's deadline, say) that failed after their retries and wait in the dead-letter table");
    }

    private sealed record Reading(IReadOnlyList<Measurement<long>> Breaches, long DeadLetters, DateTimeOffset At);

    /// <summary>Reads the store now (collections start a reading by themselves when the latest is older than <see cref="MaxAge"/>).</summary>
    public async Task Read(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        await using var session = _store.QuerySession();
        var cases = await session.Query<CaseQueueRow>().Where(r => r.DeadlineAt != null && r.DeadlineAt <= now).ToListAsync(ct);
        var complaints = await session.Query<Complaint>().Where(c => c.DeadlineAt != null && c.DeadlineAt <= now).ToListAsync(ct);
        var breaches = cases
            .SelectMany(row => CaseQueues.Breaches(row.Case).Where(d => d.Due <= now).Select(d => (d.Rule, Model: (ProgramModel?)row.Model, row.FieldOfficeCode)))
            .Concat(complaints.SelectMany(c => c.Deadlines(now).Where(d => d.MetAt is null && d.Due <= now).Select(d => (d.Rule, Model: (ProgramModel?)null, c.FieldOfficeCode))))
            .GroupBy(b => b)
            .Select(g => new Measurement<long>(g.Count(), Tags(g.Key.Rule, g.Key.Model, g.Key.FieldOfficeCode)))
            .ToList();
        _latest = new Reading(breaches, await _deadLetters.Count(ct), now);
    }

    private Reading Current()
    {
        var latest = _latest;
        if (_clock.GetUtcNow() - latest.At >= MaxAge && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
            _ = Task.Run(ReadInBackground);
        return latest;
    }

    private async Task ReadInBackground()
    {
        try
        {
            await Read(CancellationToken.None);
        }
        catch (Exception e)
        {
            _log.LogWarning("The store's gauges could not be read: {Error}", e.GetType().Name);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string rule, ProgramModel? model, string fieldOffice) => model is { } m
        ? [new("kind", rule), new("model", m.ToString()), new("field_office", fieldOffice)]
        : [new("kind", rule), new("field_office", fieldOffice)];
}
