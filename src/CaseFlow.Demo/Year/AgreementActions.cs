using System.Text.Json.Nodes;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Year;

/// <summary>
/// What ICE headquarters records on the agreements during the year (docs/events.md "Agreements"): review meetings,
/// a few addenda, a few suspensions (lifted weeks later) and termination notices (by ICE or the agency, in force
/// until 90 days on). The lapses are set on the agency up front, so its cases and officers keep out of them.
/// </summary>
public sealed class AgreementActions
{
    public const int Suspensions = 2;
    public const int TerminationNotices = 2;

    private readonly List<Step> steps = [];
    private readonly Agency agency;
    private readonly int seed;

    private AgreementActions(Agency agency, int seed)
    {
        this.agency = agency;
        this.seed = seed;
    }

    public IEnumerable<Step> Timeline() => steps.OrderBy(s => s.At);

    /// <summary>The year's agreement events for every agency; <paramref name="suspended"/> and <paramref name="terminated"/> are picked by the caller.</summary>
    public static AgreementActions For(Agency agency, bool suspended, bool terminated, int seed)
    {
        var actions = new AgreementActions(agency, seed);
        var draw = new Draw(seed, $"agreement|{agency.Ori}|{agency.Model}");
        var clock = agency.Clock;
        DateTimeOffset Day(DateOnly from, int days) => clock.Within(clock.At(from.AddDays(draw.Between(0, days)), new TimeOnly(10, 0)), 9, 17, weekdaysOnly: true);
        var signed = agency.Agreement.SignedOn;
        if (signed >= new DateOnly(2025, 1, 1))
            actions.Meeting(Day(new DateOnly(2025, 10, 6), 80), ReviewMeetingType.Initial);
        else if (draw.Chance(0.5))
            actions.Meeting(Day(new DateOnly(2025, 11, 1), 300), ReviewMeetingType.Annual);
        if (draw.Chance(0.03))
        {
            var on = Day(new DateOnly(2025, 11, 1), 250);
            actions.Add(on, "AddendumRecorded", new() { ["signedOn"] = LocalClock.Date(clock.LocalDate(on)), ["text"] = "Addendum: ICE-installed IT equipment and connectivity at the jail" });
        }

        if (suspended)
        {
            var from = Day(new DateOnly(2026, 1, 12), 100);
            var until = clock.LocalDate(from).AddDays(45);
            actions.Add(from, "AgreementSuspended", new()
            {
                ["effectiveAt"] = clock.Format(from), ["reason"] = "Serious misconduct under review (MOA §VIII)", ["until"] = LocalClock.Date(until),
            });
            var lifted = Day(clock.LocalDate(from).AddDays(20), 25);
            actions.Add(lifted, "SuspensionLifted", new() { ["effectiveAt"] = clock.Format(lifted) });
            agency.Lapses = [(from, lifted)];
        }
        else if (terminated)
        {
            var notice = Day(new DateOnly(2026, 2, 2), 90);
            var noticeDate = clock.LocalDate(notice);
            var effectiveOn = AgreementPolicy.DefaultTerminationDate(noticeDate);
            var party = draw.Chance(0.5) ? "Agency" : "Ice";
            actions.Add(notice, "TerminationNoticed", new() { ["noticeDate"] = LocalClock.Date(noticeDate), ["byParty"] = party });
            // The notice fixes the end: the agreement is terminated from the start of that day, with no further event.
            agency.Lapses = [(clock.At(effectiveOn, TimeOnly.MinValue), null)];
        }

        return actions;
    }

    private void Meeting(DateTimeOffset at, ReviewMeetingType type) =>
        Add(at, "ReviewMeetingHeld", new() { ["heldOn"] = LocalClock.Date(agency.Clock.LocalDate(at)), ["type"] = type.ToString() });

    private void Add(DateTimeOffset at, string type, JsonObject data) =>
        steps.Add(new Step(at, Senders.Headquarters, agency.AgreementPath,
            Envelopes.Of(Envelopes.EventId(seed, agency.Agreement.AgreementId, steps.Count), type, agency.Clock.Format(at), data)));
}
