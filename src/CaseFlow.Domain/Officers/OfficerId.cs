using UUIDNext;

namespace CaseFlow.Domain.Officers;

/// <summary>
/// An officer's id is UUIDv5 over <c>"{ORI}|{badgeNumber}"</c>: the agency's own staff number, so an agency system
/// can name its officer (the envelope's <c>officerId</c> is that badge number) without a lookup.
/// </summary>
public static class OfficerId
{
    /// <summary>Published in the README; never change it.</summary>
    public static readonly Guid Namespace = new("c7f2a9d4-1e3b-4f6a-8b25-9d0e4c3a7f18");

    public static Guid For(string ori, string badgeNumber) => Uuid.NewNameBased(Namespace, $"{ori}|{badgeNumber}");
}
