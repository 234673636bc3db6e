using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>
/// Who may void what (design.md "Who may do what"): a jail its own steps, a supervisor ICE's decisions, either the
/// shared types, nobody what CaseFlow appends itself or a subject order.
/// </summary>
public class VoidAuthorityTests
{
    public static TheoryData<Type, bool, bool> Table => new()
    {
        // voided type, jail (screening system and officer) may void, supervisor may void
        { typeof(ScreeningOpened), true, false },
        { typeof(DetainerServedOnSubject), true, false },
        { typeof(ReleaseEligible), true, false },
        { typeof(WarrantServed), true, false },
        { typeof(DetainerApproved), false, true },
        { typeof(DetainerReturned), false, true },
        { typeof(ReviewApproved), false, true },
        { typeof(ReviewReturnedForCorrection), false, true },
        { typeof(DetainerLifted), false, true },
        { typeof(CitizenshipClaimResolved), false, true },
        { typeof(DetainerLodged), true, true },
        { typeof(CaseClosed), true, true },
        { typeof(WarrantReceivedFromIce), true, true },
        { typeof(HoldStarted), false, false },
        { typeof(HoldExpired), false, false },
        { typeof(HoldWithdrawn), false, false },
        { typeof(SubjectSealed), false, false },
        { typeof(BookingRecorded), false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void whoever_may_post_a_kind_of_event_voids_it(Type voided, bool jail, bool supervisor)
    {
        CaseEventKinds.MayVoid(Roles.ScreeningSystem, voided).ShouldBe(jail);
        CaseEventKinds.MayVoid(Roles.Officer, voided).ShouldBe(jail);
        CaseEventKinds.MayVoid(Roles.Supervisor, voided).ShouldBe(supervisor);
        CaseEventKinds.MayVoid(Roles.Auditor, voided).ShouldBeFalse();
        CaseEventKinds.MayVoid(Roles.Admin, voided).ShouldBeFalse();
    }
}
