using CaseFlow.Ids;

namespace CaseFlow.Domain.Officers;

/// <summary>
/// An officer's id is UUIDv5 over <c>"{ORI}|{badgeNumber}"</c>: the agency's own staff number, so an agency system
/// can name its officer (the envelope's <c>officerId</c> is that badge number) without a lookup.
/// </summary>
public static class OfficerId
{
    public static Guid For(string ori, string badgeNumber) => CaseFlowIds.Officer(ori, badgeNumber);
}
