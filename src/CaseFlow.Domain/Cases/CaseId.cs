using UUIDNext;

namespace CaseFlow.Domain.Cases;

/// <summary>
/// A case's id is UUIDv5 over <c>"{ORI}|{bookingNumber}"</c> in <see cref="Namespace"/>, so the same booking is
/// always the same case and an offline jail system can compute the id before CaseFlow has seen the booking.
/// </summary>
public static class CaseId
{
    /// <summary>Published in the README; never change it.</summary>
    public static readonly Guid Namespace = new("a4c3e0f2-7b1d-4e8a-9c56-3d2f8b9e1a47");

    public static Guid For(string ori, string bookingNumber) => Uuid.NewNameBased(Namespace, $"{ori}|{bookingNumber}");

    /// <summary>The reference to the case's subject record in the vault, derived so a replayed booking finds the same one.</summary>
    public static Guid SubjectRefFor(Guid caseId) => Uuid.NewNameBased(Namespace, $"subject|{caseId}");
}
