using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Tests.Cases;

namespace CaseFlow.Domain.Tests.Agreements;

/// <summary>The governance calendar: initial review a year after signing, annual meeting a year after the last, ICE's review every three years.</summary>
public class ReviewCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "Initial 2026-05-28, Annual 2026-05-28, Triennial 2028-05-28")]
    [InlineData("Initial 2026-01-10", "Annual 2027-01-10, Triennial 2028-05-28")]
    [InlineData("Initial 2026-01-10, Annual 2026-03-01, Triennial 2026-04-01", "Annual 2027-03-01, Triennial 2029-04-01")]
    public void each_meeting_is_due_from_the_last_of_its_kind_or_the_signing(string held, string due)
    {
        var agreement = held.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(m => m.Split(' '))
            .Aggregate(CaseKit.Jem, (a, m) => Agreement.Evolve(a, new ReviewMeetingHeld(DateOnly.Parse(m[1]), Enum.Parse<ReviewMeetingType>(m[0])))!);

        string.Join(", ", ReviewCalendar.Due(agreement, Now).Select(d => $"{d.Type} {d.DueOn:yyyy-MM-dd}")).ShouldBe(due);
    }

    [Fact]
    public void a_terminated_agreement_owes_no_meeting()
    {
        var terminated = Agreement.Evolve(CaseKit.Jem, new AgreementTerminated(Now.AddDays(-1), "ended"))!;

        ReviewCalendar.Due(terminated, Now).ShouldBeEmpty();
    }
}
