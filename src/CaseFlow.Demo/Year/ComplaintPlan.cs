using System.Text.Json.Nodes;
using CaseFlow.Ids;

namespace CaseFlow.Demo.Year;

/// <summary>
/// A complaint against an officer (JEM MOA Appendix B, docs/events.md "Complaints"): the agency learns of it, tells
/// ICE within 48 weekday hours (or late), resolves it and reports the outcome within 30 days (or late).
/// </summary>
public static class ComplaintPlan
{
    public static IEnumerable<Step> Timeline(Agency agency, OfficerPlan against, int number, int seed)
    {
        var complaintNumber = $"IA-26-{agency.Model}-{number:D4}";
        var id = CaseFlowIds.Complaint(agency.Ori, complaintNumber);
        var draw = new Draw(seed, $"complaint|{agency.Ori}|{complaintNumber}");
        var clock = agency.Clock;
        var index = 0;
        Step Write(DateTimeOffset at, string path, string type, JsonObject data) =>
            new(at, agency.Jail, path, Envelopes.Of(Envelopes.EventId(seed, id, index++), type, clock.Format(at), data));
        DateTimeOffset Workday(DateTimeOffset at) => clock.Within(at, 8, 17, weekdaysOnly: true, draw);

        var learned = Workday(against.AuthorizedAt!.Value + draw.Days(20, 300));
        yield return Write(learned, "/api/complaints", "ComplaintReceived", new()
        {
            ["complaintNumber"] = complaintNumber, ["againstBadgeNumber"] = against.Badge, ["learnedAt"] = clock.Format(learned),
        });
        var path = $"/api/complaints/{id}/events";
        var notified = Workday(learned + (draw.Chance(YearMixes.ComplaintNoticeLate) ? draw.Days(4, 8) : draw.Hours(2, 20)));
        yield return Write(notified, path, "IceNotifiedOfComplaint", new() { ["notifiedAt"] = clock.Format(notified) });
        var resolved = Workday(notified + draw.Days(20, 90));
        yield return Write(resolved, path, "ComplaintResolved", new() { ["resolvedAt"] = clock.Format(resolved), ["outcome"] = YearMixes.ComplaintOutcomes.Pick(draw) });
        var reported = Workday(resolved + (draw.Chance(YearMixes.ComplaintOutcomeLate) ? draw.Days(35, 60) : draw.Days(1, 25)));
        yield return Write(reported, path, "ComplaintOutcomeReported", new() { ["reportedAt"] = clock.Format(reported) });
    }
}
