namespace CaseFlow.Domain.Agreements;

/// <summary>A review meeting an agreement owes, and the agency-local day it falls due.</summary>
public sealed record ReviewMeetingDue(ReviewMeetingType Type, DateOnly DueOn);

/// <summary>
/// The governance calendar of an agreement (domain.md section 2, MOA §V.B and §VIII): an initial review within about
/// twelve months of the agreement taking effect, an annual FOD–agency meeting a year after the last one (or the
/// initial review), and ICE's internal review every three years. A terminated agreement owes none.
/// </summary>
public static class ReviewCalendar
{
    public static IReadOnlyList<ReviewMeetingDue> Due(Agreement agreement, DateTimeOffset now)
    {
        if (agreement.StatusAt(now) is null or AgreementStatus.Terminated)
            return [];
        DateOnly? Last(params ReviewMeetingType[] types) =>
            agreement.ReviewMeetings.Where(m => types.Contains(m.Type)).Select(m => (DateOnly?)m.HeldOn).Max();

        var initial = Last(ReviewMeetingType.Initial);
        var dues = new List<ReviewMeetingDue>();
        if (initial is null)
            dues.Add(new ReviewMeetingDue(ReviewMeetingType.Initial, agreement.SignedOn.AddMonths(12)));
        dues.Add(new ReviewMeetingDue(ReviewMeetingType.Annual, (Last(ReviewMeetingType.Annual, ReviewMeetingType.Initial) ?? agreement.SignedOn).AddYears(1)));
        dues.Add(new ReviewMeetingDue(ReviewMeetingType.Triennial, (Last(ReviewMeetingType.Triennial) ?? agreement.SignedOn).AddYears(3)));
        return dues;
    }
}
