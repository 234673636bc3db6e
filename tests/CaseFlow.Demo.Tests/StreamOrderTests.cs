using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain.Intake;
using CaseFlow.Ids;

namespace CaseFlow.Demo.Tests;

/// <summary>Each stream's events come in the order they are applied, each at or before the instant it is sent, flagged late when older than the late window.</summary>
public class StreamOrderTests
{
    private static readonly TimeSpan LateWindow = TimeSpan.FromHours(72);

    [Fact]
    public void Every_stream_starts_with_its_first_event_and_goes_forward_in_time()
    {
        var streams = new Dictionary<string, (DateTimeOffset Last, int Count)>();
        foreach (var write in Years.Small.Value)
        {
            foreach (var envelope in Years.Events(write))
            {
                var stream = Stream(write, envelope);
                var type = (string)envelope["type"]!;
                Instants.TryParse((string)envelope["occurredAt"]!, out var at).ShouldBeTrue();
                if (!streams.TryGetValue(stream, out var seen))
                    type.ShouldBeOneOf(["BookingRecorded", "OfficerNominated", "ComplaintReceived", "ReviewMeetingHeld", "AddendumRecorded", "AgreementSuspended", "TerminationNoticed"], stream);
                else
                    at.ShouldBeGreaterThanOrEqualTo(seen.Last, $"{stream} {type}");
                streams[stream] = (at, seen.Count + 1);
            }
        }

        streams.Count.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Every_event_occurred_by_the_time_it_is_sent_and_is_late_when_the_rules_say()
    {
        foreach (var write in Years.Small.Value)
        {
            foreach (var envelope in Years.Events(write))
            {
                Instants.TryParse((string)envelope["occurredAt"]!, out var at).ShouldBeTrue();
                at.ShouldBeLessThanOrEqualTo(write.SentAt);
                if (write.SentAt - at > LateWindow)
                    ((bool?)envelope["late"]).ShouldBe(true, envelope.ToJsonString());
            }
        }
    }

    [Fact]
    public void Nothing_is_sent_before_caseflow_goes_live_and_what_happened_before_is_entered_late()
    {
        Years.Small.Value[0].SentAt.ShouldBe(YearCast.GoesLive);
        var entered = Years.Small.Value.SelectMany(w => Years.Events(w).Select(e => (w.SentAt, Event: e)))
            .Where(x => DateTimeOffset.Parse((string)x.Event["occurredAt"]!) < YearCast.GoesLive).ToList();
        entered.ShouldNotBeEmpty();
        entered.ShouldAllBe(x => (bool?)x.Event["late"] == true);
        Years.Small.Value.SelectMany(Years.Events).Where(e => (string)e["type"]! == "BookingRecorded")
            .ShouldAllBe(e => DateTimeOffset.Parse((string)e["data"]!["bookedAt"]!) >= YearCast.GoesLive);
    }

    [Fact]
    public void Offline_jails_send_their_steps_days_late_in_batches_flagged_late()
    {
        var batches = Years.Small.Value.Where(w => w.Path == YearSchedule.BatchPath).ToList();
        batches.ShouldNotBeEmpty();
        var delays = batches.SelectMany(b => Years.Events(b).Select(e => b.SentAt - DateTimeOffset.Parse((string)e["occurredAt"]!))).ToList();
        delays.ShouldAllBe(d => d > TimeSpan.Zero);
        delays.Max().ShouldBeGreaterThan(LateWindow);
        batches.SelectMany(Years.Events).ShouldAllBe(e => (bool?)e["late"] == true);
    }

    /// <summary>The stream a write goes to: a case (a booking's is named by its ORI and booking number), an officer, a complaint or an agreement.</summary>
    private static string Stream(DemoWrite write, JsonObject envelope)
    {
        var ori = write.By.Claims.FirstOrDefault(c => c.Key == "ori").Value;
        return (string)envelope["type"]! switch
        {
            "BookingRecorded" => CaseFlowIds.Case(ori, (string)envelope["data"]!["bookingNumber"]!).ToString(),
            "OfficerNominated" => CaseFlowIds.Officer(ori, (string)envelope["data"]!["badgeNumber"]!).ToString(),
            "ComplaintReceived" => CaseFlowIds.Complaint(ori, (string)envelope["data"]!["complaintNumber"]!).ToString(),
            _ when envelope["caseId"] is { } caseId => (string)caseId!,
            _ => write.Path.Split('/')[3] + (write.Path.StartsWith("/api/agreements/", StringComparison.Ordinal) ? "/" + write.Path.Split('/')[4] : ""),
        };
    }
}
