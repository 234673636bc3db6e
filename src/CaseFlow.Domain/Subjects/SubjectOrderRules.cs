using CaseFlow.Domain.Cases;
using UUIDNext;

namespace CaseFlow.Domain.Subjects;

/// <summary>
/// Sealing and erasing a case's subject (design.md: two admins, with a legal basis). These orders stand outside the
/// case's state machine: they are allowed in every status, closed included, and change neither the status nor the
/// next steps.
/// </summary>
public static class SubjectOrderRules
{
    public static readonly IReadOnlySet<Type> Events = new HashSet<Type> { typeof(SubjectOrderProposed), typeof(SubjectSealed), typeof(SubjectErased) };

    /// <summary>Which legal bases may carry each action: a sealing order seals; an expungement order or the retention schedule erases.</summary>
    public static bool Supports(SubjectAction action, LegalBasis basis) => action switch
    {
        SubjectAction.Seal => basis == LegalBasis.SealingOrder,
        _ => basis is LegalBasis.ExpungementOrder or LegalBasis.RetentionSchedule,
    };

    /// <summary>The approval's event id follows from the order, so an order is carried out once however often it is approved.</summary>
    public static Guid ApprovalEventId(Guid orderId) => Uuid.NewNameBased(CaseId.Namespace, $"subject-order-approval|{orderId}");

    public static Refusal? CheckProposal(CaseFile state, SubjectAction action, LegalBasis basis) =>
        !Supports(action, basis) ? new Refusal("legal-basis-mismatch", $"The legal basis does not support {action}",
            "A sealing order seals; an expungement order or the retention schedule erases.")
        : Settled(state, action);

    /// <summary>Whether <paramref name="approver"/> may carry out the order now; null when they may.</summary>
    public static Refusal? CheckApproval(CaseFile state, Guid orderId, string approver)
    {
        if (state.SubjectOrders.FirstOrDefault(o => o.OrderId == orderId) is not { } order)
            return new Refusal("subject-order-not-found", "No such order", "The case holds no order about its subject with this id.");
        if (order.ProposedBy == approver)
            return new Refusal("same-admin", "A second admin must approve", "The admin who proposed an order may not approve it; another admin must.");
        return order.ApprovedBy is not null
            ? new Refusal("subject-order-carried-out", "The order was already carried out", "Another admin approved this order already.")
            : Settled(state, order.Action);
    }

    /// <summary>The event that carries out an approved order.</summary>
    public static CaseEvent CarryOut(SubjectOrder order, Guid subjectRef, string approver) => order.Action == SubjectAction.Seal
        ? new SubjectSealed(order.OrderId, subjectRef, order.Action, order.LegalBasis, order.OrderReference, order.ProposedBy, approver)
        : new SubjectErased(order.OrderId, subjectRef, order.Action, order.LegalBasis, order.OrderReference, order.ProposedBy, approver);

    /// <summary>Nothing is left to do: an erased subject is gone, a sealed one can still be erased but not sealed again.</summary>
    private static Refusal? Settled(CaseFile state, SubjectAction action) => state.SubjectState switch
    {
        SubjectState.Erased => new Refusal("subject-erased", "The subject is erased", "The subject's identifiers were destroyed; no order can apply to them."),
        SubjectState.Sealed when action == SubjectAction.Seal => new Refusal("subject-sealed", "The subject is already sealed", "Nothing to seal."),
        _ => null,
    };

    /// <summary>The case after a subject order's event.</summary>
    internal static CaseFile Apply(CaseFile state, CaseEvent e) => e switch
    {
        SubjectOrderProposed p => state with
        {
            SubjectOrders = [.. state.SubjectOrders, new SubjectOrder(p.OrderId, p.Action, p.LegalBasis, p.OrderReference, p.ProposedBy)],
        },
        SubjectSealed s => Approved(state, s.OrderId, s.ApprovedBy) with { SubjectState = state.SubjectState == SubjectState.Erased ? SubjectState.Erased : SubjectState.Sealed },
        SubjectErased s => Approved(state, s.OrderId, s.ApprovedBy) with { SubjectState = SubjectState.Erased },
        _ => state,
    };

    private static CaseFile Approved(CaseFile state, Guid orderId, string approver) => state with
    {
        SubjectOrders = state.SubjectOrders.Select(o => o.OrderId == orderId ? o with { ApprovedBy = approver } : o).ToList(),
    };
}
