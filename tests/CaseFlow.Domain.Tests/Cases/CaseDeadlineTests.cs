using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Breaches are derived from when things occurred, never appended, so a late-arriving fact corrects them.</summary>
public class CaseDeadlineTests
{
    private static Deadline Rule(CaseFile state, string rule, DateTimeOffset now) => CaseDeadlines.Of(state, now).Single(d => d.Rule == rule);

    [Theory]
    [InlineData(59, null, false)] // still within the hour, not yet reported
    [InlineData(61, null, true)] // the hour has passed unreported
    [InlineData(180, 60, false)] // reported at the hour
    [InlineData(180, 61, true)] // reported a minute late
    public void a_citizenship_claim_is_reported_within_an_hour(int minutesLater, int? reportedAfter, bool late)
    {
        var asserted = T0.AddHours(2);
        var events = Path().Take(2).Append(new CitizenshipClaimAsserted(asserted, ClaimChannel.Interview)).ToList();
        if (reportedAfter is { } after)
            events.Add(new CitizenshipClaimReported(asserted.AddMinutes(after), "ERO Houston"));

        Rule(Fold(events), "citizenship-claim-reported-within-1h", asserted.AddMinutes(minutesLater)).Late.ShouldBe(late);
    }

    [Fact]
    public void the_detainer_notice_is_due_a_day_after_lodging()
    {
        var lodged = After(8);
        var lodgedAt = lodged.Detainer!.LodgedAt!.Value;

        Rule(lodged, "ice-notified-of-detainer-within-24h", lodgedAt.AddHours(23)).Late.ShouldBeFalse();
        Rule(lodged, "ice-notified-of-detainer-within-24h", lodgedAt.AddHours(25)).Late.ShouldBeTrue();
        Rule(After(10), "ice-notified-of-detainer-within-24h", lodgedAt.AddDays(30)).Late.ShouldBeFalse();
    }

    [Fact]
    public void a_hold_is_breached_when_the_person_is_still_held_past_its_deadline()
    {
        var held = After(17);
        var deadline = held.Hold!.Deadline!.Value;

        Rule(held, "hold-ended-within-limit", deadline).Late.ShouldBeFalse();
        Rule(held, "hold-ended-within-limit", deadline.AddMinutes(1)).Late.ShouldBeTrue();
        Rule(After(19), "hold-ended-within-limit", deadline.AddDays(5)).Late.ShouldBeFalse();
    }
}
