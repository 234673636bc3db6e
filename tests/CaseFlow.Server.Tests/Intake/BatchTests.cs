using System.Text.Json;
using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>An offline jail system resynchronises with one request per thousand events, safely and repeatably.</summary>
public class BatchTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    private sealed record Result(int Index, Guid? EventId, string Status, Guid? CaseId, long? Version, JsonElement? Problem, JsonElement? AppendedByCaseFlow = null, long? Position = null);

    private sealed record Answer(List<Result> Results);

    private async Task<List<Result>> Send(IEnumerable<object> events, int status = 200)
    {
        var result = await app.Host.Post(Jail, "/api/events/batch", new { events }, status);
        return status == 200 ? (await result.ReadAsJsonAsync<Answer>()).Results : [];
    }

    /// <summary>A day the jail was offline: for each case its booking, then a release date and a charge amendment.</summary>
    private static List<Dictionary<string, object?>> BufferedDay(int cases, out List<Guid> caseIds)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-24);
        var events = new List<Dictionary<string, object?>>();
        caseIds = [];
        for (var c = 0; c < cases; c++)
        {
            var bookingNumber = Envelopes.NewBookingNumber();
            var caseId = CaseId.For(Agencies.FortBend, bookingNumber);
            caseIds.Add(caseId);
            var at = start.AddMinutes(c * 40);
            events.Add(Envelopes.Booking(bookingNumber, occurredAt: at));
            events.Add(WithCase(Envelopes.ReleaseSet(at.AddDays(10)), caseId, at.AddMinutes(5)));
            events.Add(WithCase(new Dictionary<string, object?>
            {
                ["eventId"] = Guid.NewGuid(),
                ["type"] = "ChargesAmended",
                ["data"] = new { charges = new[] { new { code = "TX PC 22.01", description = "Assault", level = "Misdemeanor" } }, reason = "Added after booking." },
            }, caseId, at.AddMinutes(9)));
        }

        return events;
    }

    private static Dictionary<string, object?> WithCase(Dictionary<string, object?> envelope, Guid caseId, DateTimeOffset occurredAt)
    {
        envelope["caseId"] = caseId;
        envelope["occurredAt"] = Envelopes.Instant(occurredAt);
        return envelope;
    }

    [Fact]
    public async Task a_day_of_buffered_events_is_applied_item_by_item_and_a_second_sending_stores_nothing()
    {
        var events = BufferedDay(30, out var caseIds);
        events.Insert(10, events[4]); // a duplicate of case 1's release date
        var conflicting = new Dictionary<string, object?>(events[7]) { ["data"] = new { at = Envelopes.Instant(DateTimeOffset.UtcNow.AddDays(99)) } };
        events.Add(conflicting); // case 2's release id reused with other content
        var refusedCase = CaseId.For(Agencies.FortBend, "never-booked-" + Guid.NewGuid().ToString("N")[..8]);
        events.Add(WithCase(Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)), refusedCase, DateTimeOffset.UtcNow.AddHours(-1)));
        events.Add(WithCase(Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(4)), refusedCase, DateTimeOffset.UtcNow.AddMinutes(-50)));

        var first = await Send(events);

        first.Select(r => r.Index).ShouldBe(Enumerable.Range(0, events.Count));
        first.Count(r => r.Status == "applied").ShouldBe(90);
        first.Where(r => r.Status == "applied").Select(r => r.Position).ShouldBeUnique();
        first.Where(r => r.Status == "applied").ShouldAllBe(r => r.Position > 0);
        first[10].Status.ShouldBe("replayed");
        first[^3].Status.ShouldBe("conflict");
        first[^2].Status.ShouldBe("refused");
        first[^2].Problem!.Value.GetProperty("status").GetInt32().ShouldBe(404);
        first[^1].Status.ShouldBe("skipped-dependency");

        var again = await Send(events);

        again.Where((r, i) => first[i].Status is "applied" or "replayed").ShouldAllBe(r => r.Status == "replayed");
        again.Where((r, i) => first[i].Status == "applied").Select(r => r.Version).ShouldBe(first.Where(r => r.Status == "applied").Select(r => r.Version));
        await using var session = app.Store.QuerySession();
        foreach (var caseId in caseIds)
            (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task each_case_s_booking_and_events_are_judged_in_order_in_one_transaction_with_the_other_cases()
    {
        var events = BufferedDay(5, out var caseIds);

        var results = await Send(events);

        results.ShouldAllBe(r => r.Status == "applied");
        results.Select(r => r.Version).ShouldBe(caseIds.SelectMany(_ => new long?[] { 1, 2, 3 }));
        (await StoredTransactions.Of(results.Select(r => r.EventId!.Value), TestContext.Current.CancellationToken)).ShouldBe(1);
        await using var session = app.Store.QuerySession();
        var verifier = new ChainVerifier(new StoredEventRows(app.Store));
        foreach (var caseId in caseIds)
        {
            var file = await session.LoadAsync<CaseFile>(caseId, TestContext.Current.CancellationToken);
            (file!.Version, file.Charges.Single().Code).ShouldBe((3L, "TX PC 22.01"));
            (await verifier.Verify(caseId, TestContext.Current.CancellationToken)).Intact.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task a_case_event_after_its_booking_in_the_same_batch_is_judged_under_the_model_the_booking_opens()
    {
        var (jem, wso) = (Envelopes.NewBookingNumber(), Envelopes.NewBookingNumber());
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        object Lodged(string number) => WithCase(Envelopes.CaseEvent("DetainerLodged", new { lodgedAt = Envelopes.Instant(at.AddMinutes(20)) }), CaseId.For(Agencies.FortBend, number), at.AddMinutes(20));
        object Release(string number) => WithCase(Envelopes.ReleaseSet(at.AddDays(5)), CaseId.For(Agencies.FortBend, number), at.AddMinutes(30));

        var results = await Send([
            Envelopes.Booking(jem, occurredAt: at), Lodged(jem), Release(jem),
            Envelopes.Booking(wso, model: "WSO", occurredAt: at), Lodged(wso), Release(wso)]);

        // The jail lodges a JEM case's detainer (here too early: judged by the rule, 422), ICE a WSO case's (403).
        results.Select(r => r.Status).ShouldBe(["applied", "refused", "skipped-dependency", "applied", "refused", "skipped-dependency"]);
        results[1].Problem!.Value.GetProperty("status").GetInt32().ShouldBe(422);
        results[4].Problem!.Value.GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:role-may-not-post-event-type");
    }

    [Fact]
    public async Task a_booking_its_rule_refuses_ends_its_case_and_the_events_sent_after_it_are_skipped()
    {
        var (refused, booked) = (Envelopes.NewBookingNumber(), Envelopes.NewBookingNumber());
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        object Release(string number, int minutes) => WithCase(Envelopes.ReleaseSet(at.AddDays(5)), CaseId.For(Agencies.FortBend, number), at.AddMinutes(minutes));

        var results = await Send([
            Envelopes.Booking(refused, charges: new[] { new { code = "TC 545.351", description = "Speeding", level = "Infraction" } }, occurredAt: at),
            Envelopes.Booking(booked, occurredAt: at), Release(refused, 10), Release(booked, 10), Release(refused, 20)]);

        results.Select(r => r.Status).ShouldBe(["refused", "applied", "skipped-dependency", "applied", "skipped-dependency"]);
        results[0].Problem!.Value.GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:no-criminal-charge");
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(CaseId.For(Agencies.FortBend, refused), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task two_batches_for_overlapping_cases_sent_at_once_apply_every_event_once()
    {
        var events = BufferedDay(10, out var caseIds);
        var bookings = events.Where((_, i) => i % 3 == 0).ToList();
        await Send(bookings);
        var left = events.Where((_, i) => i % 3 == 1).ToList();
        var right = events.Where((_, i) => i % 3 == 2).Concat(left.Take(4)).ToList();

        var answers = await Task.WhenAll(Send(left), Send(right));

        answers.SelectMany(a => a).ShouldAllBe(r => r.Status == "applied" || r.Status == "replayed");
        await using var session = app.Store.QuerySession();
        foreach (var caseId in caseIds)
        {
            var stored = await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken);
            stored.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        }
    }

    [Fact]
    public async Task a_batch_over_the_limits_is_refused_whole_with_the_limits()
    {
        var tooMany = Enumerable.Range(0, PostBatchEndpoint.MaxEvents + 1).Select(_ => Envelopes.Booking(Envelopes.NewBookingNumber()));

        var result = await app.Host.Post(Jail, "/api/events/batch", new { events = tooMany }, 413);

        using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());
        problem.RootElement.GetProperty("maxEvents").GetInt32().ShouldBe(PostBatchEndpoint.MaxEvents);
        problem.RootElement.GetProperty("maxBytes").GetInt64().ShouldBe(PostBatchEndpoint.MaxBytes);
    }

    [Fact]
    public async Task a_body_that_is_not_a_batch_gets_400()
    {
        await app.Host.Post(Jail, "/api/events/batch", new { items = Array.Empty<object>() }, 400);
        await app.Host.Post(app.Tokens.For(Roles.Auditor), "/api/events/batch", new { events = Array.Empty<object>() }, 403);
    }
}
