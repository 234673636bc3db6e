using System.Text.RegularExpressions;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// The <c>CaseFlow</c> meter under real traffic (<see cref="MetricsTraffic"/>): each instrument's name and unit, its
/// Prometheus name and type in the node's scrape, what the traffic made of each (measured on the node's own meter, since
/// the process holds other hosts), and that no label names a case, an agency or a person.
/// </summary>
public sealed partial class DomainMetricsTests(AppFixture app)
{
    /// <summary>Every instrument of the meter with its unit (docs/operations.md, "Metrics", lists the same).</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "caseflow.events.appended", "{event}" }, { "caseflow.events.replayed", "{event}" }, { "caseflow.events.refused", "{event}" },
        { "caseflow.events.busy", "{event}" }, { "caseflow.append.duration", "s" }, { "caseflow.append.lock.duration", "s" },
        { "caseflow.deadlines.scheduled", "{deadline}" }, { "caseflow.deadlines.fired", "{deadline}" }, { "caseflow.deadlines.lateness", "s" },
        { "caseflow.breaches.open", "{breach}" }, { "caseflow.dead_letters", "{message}" }, { "caseflow.access_log.queued", "{record}" },
        { "caseflow.access_log.oldest.age", "s" }, { "caseflow.access_log.write_failures", "{attempt}" }, { "caseflow.vault.operations", "{operation}" },
        { "caseflow.checkpoints.signed", "{checkpoint}" }, { "caseflow.checkpoints.refused", "{round}" },
        { "caseflow.store.verifications", "{verification}" }, { "caseflow.projection.lag.events", "{event}" },
        { "caseflow.projection.lag.seconds", "s" }, { "caseflow.projection.stopped", "{shard}" },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public async Task each_instrument_has_its_name_and_unit(string name, string unit)
    {
        var traffic = await MetricsTraffic.Scrape(app);

        traffic.Instruments.Where(i => i.Name == name).Select(i => i.Unit).Distinct().ShouldBe([unit]);
    }

    [Fact]
    public async Task the_meter_has_no_instrument_the_list_leaves_out()
    {
        var traffic = await MetricsTraffic.Scrape(app);

        traffic.Instruments.Select(i => i.Name).Distinct().Order().ShouldBe(Units.Select(row => (string)row.Data.Item1).Order());
    }

    [Fact]
    public async Task prometheus_reads_them_under_its_own_names()
    {
        var scrape = (await MetricsTraffic.Scrape(app)).Scrape;

        foreach (var counter in new[]
                 {
                     "caseflow_events_appended_total", "caseflow_events_replayed_total", "caseflow_events_refused_total", "caseflow_events_busy_total",
                     "caseflow_deadlines_scheduled_total", "caseflow_deadlines_fired_total", "caseflow_vault_operations_total",
                     "caseflow_checkpoints_signed_total", "caseflow_store_verifications_total",
                 })
            scrape.Types.GetValueOrDefault(counter).ShouldBe("counter", counter);
        foreach (var histogram in new[] { "caseflow_append_duration_seconds", "caseflow_append_lock_duration_seconds", "caseflow_deadlines_lateness_seconds" })
            scrape.Types.GetValueOrDefault(histogram).ShouldBe("histogram", histogram);
        foreach (var gauge in new[]
                 {
                     "caseflow_breaches_open", "caseflow_dead_letters", "caseflow_access_log_queued", "caseflow_access_log_oldest_age_seconds",
                     "caseflow_projection_lag_events", "caseflow_projection_lag_seconds", "caseflow_projection_stopped",
                 })
            scrape.Types.GetValueOrDefault(gauge).ShouldBe("gauge", gauge);

        scrape.Sum("caseflow_events_appended_total", ("event_type", "HoldExpired")).ShouldBeGreaterThanOrEqualTo(1);
        scrape.Sum("caseflow_breaches_open", ("kind", "hold-ended-within-limit"), ("model", "WSO")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task writes_are_counted_by_event_type_and_refusals_by_problem_code()
    {
        var traffic = await MetricsTraffic.Scrape(app);
        var measured = traffic.Measured;

        measured.Sum("caseflow.events.appended", ("event.type", "BookingRecorded")).ShouldBe(1);
        measured.Sum("caseflow.events.appended", ("event.type", "HoldStarted")).ShouldBe(1);
        measured.Sum("caseflow.events.appended", ("event.type", "HoldExpired")).ShouldBe(1);
        measured.Sum("caseflow.events.replayed", ("event.type", "BookingRecorded")).ShouldBe(1);
        measured.Sum("caseflow.events.replayed").ShouldBe(1);
        measured.Sum("caseflow.events.busy", ("event.type", "ScheduledReleaseSet")).ShouldBe(1);
        measured.Sum("caseflow.events.busy").ShouldBe(1);
        measured.Sum("caseflow.events.refused", ("problem.type", traffic.Facts.RuleRefusal)).ShouldBe(1);
        measured.Sum("caseflow.events.refused", ("problem.type", traffic.Facts.EnvelopeRefusal)).ShouldBe(1);
        measured.Sum("caseflow.events.refused").ShouldBe(2);
        measured.Of("caseflow.events.refused").Select(m => m.Tags["problem.type"]).ShouldAllBe(code => ProblemTypes.Codes.Contains(code));
    }

    [Fact]
    public async Task the_append_path_is_timed_in_seconds()
    {
        var measured = (await MetricsTraffic.Scrape(app)).Measured;

        var transactions = measured.Of("caseflow.append.duration").ToList();
        transactions.Count.ShouldBeGreaterThanOrEqualTo(8);
        transactions.ShouldAllBe(m => m.Value > 0 && m.Value < 5);

        // Every transaction locked its streams, the busy write's too: it waited out the node's one-second lock wait.
        var locks = measured.Of("caseflow.append.lock.duration").ToList();
        locks.Count.ShouldBeGreaterThan(transactions.Count);
        locks.Max(m => m.Value).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public async Task a_late_deadline_is_scheduled_fired_and_measured_late_and_its_breach_stays_open()
    {
        var traffic = await MetricsTraffic.Scrape(app);
        var measured = traffic.Measured;

        measured.Sum("caseflow.deadlines.scheduled", ("kind", "HoldDeadlineReached")).ShouldBe(1);
        measured.Sum("caseflow.deadlines.fired", ("outcome", "expired")).ShouldBe(1);
        measured.Sum("caseflow.deadlines.fired").ShouldBe(1);
        measured.Of("caseflow.deadlines.lateness").ShouldHaveSingleItem().Value.ShouldBeInRange(2 * 3600 - 60, 2 * 3600 + 600);

        var breaches = traffic.Gauges.Of("caseflow.breaches.open").ShouldHaveSingleItem();
        breaches.Value.ShouldBe(1);
        breaches.Tags.ShouldBe(new Dictionary<string, string> { ["kind"] = "hold-ended-within-limit", ["model"] = "WSO", ["field_office"] = traffic.Facts.FieldOffice });
        traffic.Gauges.Of("caseflow.dead_letters").ShouldHaveSingleItem().Value.ShouldBe(0);
    }

    [Fact]
    public async Task vault_checkpoints_verification_access_log_and_projections_are_reported()
    {
        var traffic = await MetricsTraffic.Scrape(app);
        var measured = traffic.Measured;

        measured.Sum("caseflow.vault.operations", ("operation", "lock")).ShouldBeGreaterThanOrEqualTo(1);
        measured.Sum("caseflow.vault.operations", ("operation", "open")).ShouldBeGreaterThanOrEqualTo(1);
        measured.Sum("caseflow.vault.operations", ("operation", "search")).ShouldBe(1);
        measured.Sum("caseflow.checkpoints.signed").ShouldBeGreaterThanOrEqualTo(1);
        measured.Sum("caseflow.checkpoints.refused").ShouldBe(0);
        measured.Sum("caseflow.store.verifications", ("outcome", "intact")).ShouldBe(1);
        measured.Sum("caseflow.store.verifications").ShouldBe(1);
        traffic.Gauges.Of("caseflow.access_log.queued").ShouldHaveSingleItem().Value.ShouldBeGreaterThanOrEqualTo(0);
        traffic.Gauges.Of("caseflow.access_log.oldest.age").ShouldHaveSingleItem().Value.ShouldBeInRange(0, 60);
        traffic.Gauges.Of("caseflow.projection.lag.events").Select(m => m.Tags["shard"]).ShouldContain($"{CaseReadModels.Name}:All");
        traffic.Gauges.Of("caseflow.projection.stopped").ShouldAllBe(m => m.Value == 0);
    }

    [Fact]
    public async Task no_label_of_caseflow_names_a_case_an_agency_or_a_person()
    {
        var traffic = await MetricsTraffic.Scrape(app);

        var values = traffic.Scrape.Samples.Where(s => s.Name.StartsWith("caseflow_", StringComparison.Ordinal))
            .SelectMany(s => s.Labels.Where(l => l.Key != "le").Select(l => l.Value))
            .Concat(traffic.Measured.SelectMany(m => m.Tags.Values))
            .Distinct().ToList();
        values.ShouldNotBeEmpty();
        foreach (var value in values)
        {
            Guid.TryParse(value, out _).ShouldBeFalse($"{value} is an id");
            OriShape().IsMatch(value).ShouldBeFalse($"{value} has the shape of an ORI");
            traffic.Facts.Identifiers.ShouldAllBe(identifier => !value.Contains(identifier, StringComparison.OrdinalIgnoreCase));
        }
    }

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{7}$")]
    private static partial Regex OriShape();
}
