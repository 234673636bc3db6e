using System.Text.RegularExpressions;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// The <c>CaseFlow</c> meter under real traffic (<see cref="MetricsTraffic"/>), read as Prometheus scrapes it: each
/// instrument's name and unit, what the traffic made of each, and that no label names a case, an agency or a person.
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
        var (_, _, _, instruments) = await MetricsTraffic.Scrape(app);

        instruments.Where(i => i.Name == name).Select(i => i.Unit).Distinct().ShouldBe([unit]);
    }

    [Fact]
    public async Task the_meter_has_no_instrument_the_list_leaves_out()
    {
        var (_, _, _, instruments) = await MetricsTraffic.Scrape(app);

        instruments.Select(i => i.Name).Distinct().Order().ShouldBe(Units.Select(row => (string)row.Data.Item1).Order());
    }

    [Fact]
    public async Task writes_are_counted_by_event_type_and_refusals_by_problem_code()
    {
        var (scrape, _, facts, _) = await MetricsTraffic.Scrape(app);

        scrape.Types["caseflow_events_appended_total"].ShouldBe("counter");
        scrape.Sum("caseflow_events_appended_total", ("event_type", "BookingRecorded")).ShouldBe(1);
        scrape.Sum("caseflow_events_appended_total", ("event_type", "HoldStarted")).ShouldBe(1);
        scrape.Sum("caseflow_events_appended_total", ("event_type", "HoldExpired")).ShouldBe(1);
        scrape.Sum("caseflow_events_replayed_total", ("event_type", "BookingRecorded")).ShouldBe(1);
        scrape.Sum("caseflow_events_busy_total", ("event_type", "ScheduledReleaseSet")).ShouldBe(1);
        scrape.Sum("caseflow_events_refused_total", ("problem_type", facts.RuleRefusal)).ShouldBe(1);
        scrape.Sum("caseflow_events_refused_total", ("problem_type", facts.EnvelopeRefusal)).ShouldBe(1);
        scrape.Sum("caseflow_events_refused_total").ShouldBe(2);
        scrape.Of("caseflow_events_refused_total").Select(s => s.Labels["problem_type"]).ShouldAllBe(code => ProblemTypes.Codes.Contains(code));
    }

    [Fact]
    public async Task the_append_path_is_timed_in_seconds()
    {
        var (scrape, _, _, _) = await MetricsTraffic.Scrape(app);

        foreach (var histogram in new[] { "caseflow_append_duration_seconds", "caseflow_append_lock_duration_seconds" })
        {
            scrape.Types[histogram].ShouldBe("histogram");
            scrape.Sum(histogram + "_count").ShouldBeGreaterThanOrEqualTo(8, histogram);
            (scrape.Sum(histogram + "_sum") / scrape.Sum(histogram + "_count")).ShouldBeInRange(0.0, 5.0, histogram);
        }

        // The busy write waited out the node's one-second lock wait before its transaction failed.
        scrape.Sum("caseflow_append_lock_duration_seconds_bucket", ("le", "+Inf"))
            .ShouldBeGreaterThan(scrape.Sum("caseflow_append_lock_duration_seconds_bucket", ("le", "0.5")));
    }

    [Fact]
    public async Task a_late_deadline_is_scheduled_fired_and_measured_late_and_its_breach_stays_open()
    {
        var (scrape, _, facts, _) = await MetricsTraffic.Scrape(app);

        scrape.Sum("caseflow_deadlines_scheduled_total", ("kind", "HoldDeadlineReached")).ShouldBe(1);
        scrape.Sum("caseflow_deadlines_fired_total", ("outcome", "expired")).ShouldBe(1);
        scrape.Sum("caseflow_deadlines_fired_total").ShouldBe(1);
        scrape.Sum("caseflow_deadlines_lateness_seconds_count").ShouldBe(1);
        scrape.Sum("caseflow_deadlines_lateness_seconds_sum").ShouldBeInRange(2 * 3600 - 60, 2 * 3600 + 600);

        scrape.Types["caseflow_breaches_open"].ShouldBe("gauge");
        scrape.Sum("caseflow_breaches_open", ("kind", "hold-ended-within-limit"), ("model", "WSO"), ("field_office", facts.FieldOffice)).ShouldBe(1);
        scrape.Sum("caseflow_breaches_open").ShouldBe(1);
        scrape.Sum("caseflow_dead_letters").ShouldBe(0);
    }

    [Fact]
    public async Task vault_checkpoints_verification_access_log_and_projections_are_reported()
    {
        var (scrape, _, _, _) = await MetricsTraffic.Scrape(app);

        scrape.Sum("caseflow_vault_operations_total", ("operation", "lock")).ShouldBeGreaterThanOrEqualTo(1);
        scrape.Sum("caseflow_vault_operations_total", ("operation", "open")).ShouldBeGreaterThanOrEqualTo(1);
        scrape.Sum("caseflow_vault_operations_total", ("operation", "search")).ShouldBe(1);
        scrape.Sum("caseflow_checkpoints_signed_total").ShouldBeGreaterThanOrEqualTo(1);
        scrape.Sum("caseflow_store_verifications_total", ("outcome", "intact")).ShouldBe(1);
        scrape.Sum("caseflow_store_verifications_total", ("outcome", "findings")).ShouldBe(0);
        scrape.Of("caseflow_access_log_queued").ShouldHaveSingleItem().Value.ShouldBeGreaterThanOrEqualTo(0);
        scrape.Of("caseflow_access_log_oldest_age_seconds").ShouldHaveSingleItem().Value.ShouldBeInRange(0, 60);
        scrape.Of("caseflow_projection_lag_events").Select(s => s.Labels["shard"]).ShouldContain("CaseQueues:All");
        scrape.Of("caseflow_projection_stopped").ShouldAllBe(s => s.Value == 0);
    }

    [Fact]
    public async Task no_label_of_caseflow_names_a_case_an_agency_or_a_person()
    {
        var (scrape, _, facts, _) = await MetricsTraffic.Scrape(app);

        var values = scrape.Samples.Where(s => s.Name.StartsWith("caseflow_", StringComparison.Ordinal))
            .SelectMany(s => s.Labels.Where(l => l.Key != "le").Select(l => l.Value)).Distinct().ToList();
        values.ShouldNotBeEmpty();
        foreach (var value in values)
        {
            Guid.TryParse(value, out _).ShouldBeFalse($"{value} is an id");
            OriShape().IsMatch(value).ShouldBeFalse($"{value} has the shape of an ORI");
            facts.Identifiers.ShouldAllBe(identifier => !value.Contains(identifier, StringComparison.OrdinalIgnoreCase));
        }
    }

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{7}$")]
    private static partial Regex OriShape();
}
