using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Domain.Tests.Cases;

namespace CaseFlow.Domain.Tests.Subjects;

public class SubjectOrderRulesTests
{
    private static readonly Guid SubjectRef = Guid.NewGuid();

    private static CaseFile Booked => CaseKit.After(1);

    private static CaseFile Apply(CaseFile state, params CaseEvent[] events) =>
        events.Aggregate(state, (s, e) => CaseFile.Evolve(s, Guid.NewGuid(), e)!);

    private static SubjectOrderProposed Proposal(Guid orderId, SubjectAction action = SubjectAction.Seal, string by = "admin-a") =>
        new(orderId, SubjectRef, action, action == SubjectAction.Seal ? LegalBasis.SealingOrder : LegalBasis.ExpungementOrder, "DC-1", by);

    [Theory]
    [InlineData(SubjectAction.Seal, LegalBasis.SealingOrder, true)]
    [InlineData(SubjectAction.Seal, LegalBasis.ExpungementOrder, false)]
    [InlineData(SubjectAction.Seal, LegalBasis.RetentionSchedule, false)]
    [InlineData(SubjectAction.Erase, LegalBasis.SealingOrder, false)]
    [InlineData(SubjectAction.Erase, LegalBasis.ExpungementOrder, true)]
    [InlineData(SubjectAction.Erase, LegalBasis.RetentionSchedule, true)]
    public void each_action_needs_a_legal_basis_that_supports_it(SubjectAction action, LegalBasis basis, bool accepted) =>
        (SubjectOrderRules.CheckProposal(Booked, action, basis)?.Code).ShouldBe(accepted ? null : "legal-basis-mismatch");

    [Theory]
    [InlineData(SubjectState.Active, SubjectAction.Seal, null)]
    [InlineData(SubjectState.Active, SubjectAction.Erase, null)]
    [InlineData(SubjectState.Sealed, SubjectAction.Seal, "subject-sealed")]
    [InlineData(SubjectState.Sealed, SubjectAction.Erase, null)]
    [InlineData(SubjectState.Erased, SubjectAction.Seal, "subject-erased")]
    [InlineData(SubjectState.Erased, SubjectAction.Erase, "subject-erased")]
    public void what_may_still_be_ordered_depends_on_the_subjects_state(SubjectState state, SubjectAction action, string? refusal) =>
        (SubjectOrderRules.CheckProposal(Booked with { SubjectState = state }, action,
            action == SubjectAction.Seal ? LegalBasis.SealingOrder : LegalBasis.RetentionSchedule)?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData("admin-b", false, null)]
    [InlineData("admin-a", false, "same-admin")]
    [InlineData("admin-b", true, "subject-order-carried-out")]
    [InlineData("admin-a", true, "same-admin")]
    public void an_order_is_carried_out_once_by_an_admin_other_than_its_proposer(string approver, bool alreadyApproved, string? refusal)
    {
        var orderId = Guid.NewGuid();
        var proposed = Apply(Booked, Proposal(orderId));
        var state = alreadyApproved ? Apply(proposed, SubjectOrderRules.CarryOut(proposed.SubjectOrders.Single(), SubjectRef, "admin-c")) : proposed;

        (SubjectOrderRules.CheckApproval(state, orderId, approver)?.Code).ShouldBe(refusal);
    }

    [Fact]
    public void an_order_the_case_does_not_hold_cannot_be_approved() =>
        SubjectOrderRules.CheckApproval(Apply(Booked, Proposal(Guid.NewGuid())), Guid.NewGuid(), "admin-b")!.Code.ShouldBe("subject-order-not-found");

    [Theory]
    [InlineData(SubjectAction.Seal, typeof(SubjectSealed), SubjectState.Sealed)]
    [InlineData(SubjectAction.Erase, typeof(SubjectErased), SubjectState.Erased)]
    public void carrying_out_an_order_records_both_admins_and_the_subjects_new_state(SubjectAction action, Type recorded, SubjectState after)
    {
        var orderId = Guid.NewGuid();
        var proposed = Apply(Booked, Proposal(orderId, action));

        var carriedOut = SubjectOrderRules.CarryOut(proposed.SubjectOrders.Single(), SubjectRef, "admin-b");
        var state = Apply(proposed, carriedOut);

        carriedOut.GetType().ShouldBe(recorded);
        state.SubjectState.ShouldBe(after);
        state.SubjectOrders.Single().ShouldBe(new SubjectOrder(orderId, action, proposed.SubjectOrders.Single().LegalBasis, "DC-1", "admin-a", "admin-b"));
    }

    /// <summary>Every point of the JEM path, closed included: an order and its approval change neither the status nor the next steps.</summary>
    [Theory]
    [MemberData(nameof(PathLengths))]
    public void orders_are_allowed_at_every_step_and_leave_the_state_machine_alone(int eventsSoFar)
    {
        var state = CaseKit.After(eventsSoFar);
        var orderId = Guid.NewGuid();

        SubjectOrderRules.CheckProposal(state, SubjectAction.Erase, LegalBasis.RetentionSchedule).ShouldBeNull();
        var proposed = Apply(state, Proposal(orderId, SubjectAction.Erase));
        SubjectOrderRules.CheckApproval(proposed, orderId, "admin-b").ShouldBeNull();
        var erased = Apply(proposed, SubjectOrderRules.CarryOut(proposed.SubjectOrders.Single(), SubjectRef, "admin-b"));

        erased.Status.ShouldBe(state.Status);
        CaseSequence.NextSteps(erased).ShouldBe(CaseSequence.NextSteps(state));
        CaseSequence.NextSteps(erased).ShouldNotContain(nameof(SubjectOrderProposed));
    }

    public static TheoryData<int> PathLengths() => new(Enumerable.Range(1, CaseKit.Path().Count));

    [Fact]
    public void subject_orders_cannot_be_voided()
    {
        var proposal = Proposal(Guid.NewGuid());
        var state = CaseFile.Evolve(Booked, proposal.OrderId, proposal)!;

        CaseRules.Check(state, new EventVoided(proposal.OrderId, "mistake"), CaseKit.Context())!.Code.ShouldBe("not-voidable");
    }

    [Fact]
    public void an_order_is_approved_under_one_event_id_however_often_it_is_approved()
    {
        var orderId = Guid.NewGuid();

        SubjectOrderRules.ApprovalEventId(orderId).ShouldBe(SubjectOrderRules.ApprovalEventId(orderId));
        SubjectOrderRules.ApprovalEventId(orderId).ShouldNotBe(SubjectOrderRules.ApprovalEventId(Guid.NewGuid()));
    }
}
