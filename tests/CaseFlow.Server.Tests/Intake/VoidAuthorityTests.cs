using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>
/// Who may void what (design.md "Who may do what"): a jail its own steps, a supervisor ICE's decisions (the detainer's
/// lodging is the jail's under JEM, ICE's under WSO), either the shared types, nobody what CaseFlow appends itself or a subject order.
/// </summary>
public class VoidAuthorityTests
{
    public static TheoryData<Type, ProgramModel, bool, bool> Table => new()
    {
        // voided type, the case's model, jail (screening system and officer) may void, supervisor may void
        { typeof(ScreeningOpened), ProgramModel.JEM, true, false },
        { typeof(DetainerServedOnSubject), ProgramModel.JEM, true, false },
        { typeof(ReleaseEligible), ProgramModel.JEM, true, false },
        { typeof(WarrantServed), ProgramModel.WSO, true, false },
        { typeof(DetainerApproved), ProgramModel.JEM, false, true },
        { typeof(DetainerReturned), ProgramModel.JEM, false, true },
        { typeof(ReviewApproved), ProgramModel.JEM, false, true },
        { typeof(ReviewReturnedForCorrection), ProgramModel.JEM, false, true },
        { typeof(DetainerLifted), ProgramModel.JEM, false, true },
        { typeof(CitizenshipClaimResolved), ProgramModel.JEM, false, true },
        { typeof(ReleaseNotificationRequested), ProgramModel.JEM, false, true },
        { typeof(DetainerLodged), ProgramModel.JEM, true, false },
        { typeof(DetainerLodged), ProgramModel.WSO, false, true },
        { typeof(CaseClosed), ProgramModel.JEM, true, true },
        { typeof(WarrantReceivedFromIce), ProgramModel.WSO, false, true },
        { typeof(HoldStarted), ProgramModel.JEM, false, false },
        { typeof(HoldExpired), ProgramModel.WSO, false, false },
        { typeof(HoldWithdrawn), ProgramModel.JEM, false, false },
        { typeof(SubjectSealed), ProgramModel.JEM, false, false },
        { typeof(BookingRecorded), ProgramModel.JEM, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void whoever_may_post_a_kind_of_event_voids_it(Type voided, ProgramModel model, bool jail, bool supervisor)
    {
        CaseEventKinds.MayVoid(Roles.ScreeningSystem, voided, model).ShouldBe(jail);
        CaseEventKinds.MayVoid(Roles.Officer, voided, model).ShouldBe(jail);
        CaseEventKinds.MayVoid(Roles.Supervisor, voided, model).ShouldBe(supervisor);
        CaseEventKinds.MayVoid(Roles.Auditor, voided, model).ShouldBeFalse();
        CaseEventKinds.MayVoid(Roles.Admin, voided, model).ShouldBeFalse();
    }
}
