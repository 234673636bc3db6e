using CaseFlow.Ids;
using UUIDNext;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// A case's id is UUIDv5 over <c>"{ORI}|{bookingNumber}"</c> (<see cref="CaseFlowIds.Case"/>, shared with the client
/// kit), so the same booking is always the same case and an offline jail system can compute the id before CaseFlow
/// has seen the booking.
/// </summary>
public static class CaseId
{
    public static Guid Namespace => CaseFlowIds.CaseNamespace;

    public static Guid For(string ori, string bookingNumber) => CaseFlowIds.Case(ori, bookingNumber);

    /// <summary>The reference to the case's subject record in the vault, derived so a replayed booking finds the same one.</summary>
    public static Guid SubjectRefFor(Guid caseId) => Uuid.NewNameBased(Namespace, $"subject|{caseId}");
}
