using UUIDNext;

namespace CaseFlow.Ids;

/// <summary>
/// The name-based ids (UUIDv5) an offline client computes exactly as CaseFlow does, so it can address a case,
/// agreement, officer or complaint before CaseFlow has seen it. The namespaces are published in the README; never
/// change them. The server's domain and the client kit both call these functions, so the two cannot drift.
/// </summary>
public static class CaseFlowIds
{
    public static readonly Guid CaseNamespace = new("a4c3e0f2-7b1d-4e8a-9c56-3d2f8b9e1a47");
    public static readonly Guid AgreementNamespace = new("5d1f3c1e-6f0a-4c52-9a35-2a8f6f1b8e01");
    public static readonly Guid OfficerNamespace = new("c7f2a9d4-1e3b-4f6a-8b25-9d0e4c3a7f18");
    public static readonly Guid ComplaintNamespace = new("e1b8d3a2-5c4f-4a97-b6e0-2f7d9c1a8b53");

    /// <summary>UUIDv5 over <c>"{ORI}|{bookingNumber}"</c>: the same booking is always the same case.</summary>
    public static Guid Case(string ori, string bookingNumber) => Uuid.NewNameBased(CaseNamespace, $"{ori}|{bookingNumber}");

    /// <summary>UUIDv5 over <c>"{ORI}|{model}"</c>, the model as CaseFlow spells it (<c>JEM</c>, <c>WSO</c>).</summary>
    public static Guid Agreement(string ori, string model) => Uuid.NewNameBased(AgreementNamespace, $"{ori}|{model}");

    /// <summary>UUIDv5 over <c>"{ORI}|{badgeNumber}"</c>, the agency's own staff number.</summary>
    public static Guid Officer(string ori, string badgeNumber) => Uuid.NewNameBased(OfficerNamespace, $"{ori}|{badgeNumber}");

    /// <summary>UUIDv5 over <c>"{ORI}|{complaintNumber}"</c>, the agency's own reference.</summary>
    public static Guid Complaint(string ori, string complaintNumber) => Uuid.NewNameBased(ComplaintNamespace, $"{ori}|{complaintNumber}");
}
