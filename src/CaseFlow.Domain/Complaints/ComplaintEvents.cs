using UUIDNext;

namespace CaseFlow.Domain.Complaints;

/// <summary>A complaint's id is UUIDv5 over <c>"{ORI}|{complaintNumber}"</c>, the agency's own reference.</summary>
public static class ComplaintId
{
    public static readonly Guid Namespace = new("e1b8d3a2-5c4f-4a97-b6e0-2f7d9c1a8b53");

    public static Guid For(string ori, string complaintNumber) => Uuid.NewNameBased(Namespace, $"{ori}|{complaintNumber}");
}

/// <summary>The agency learned of a complaint against one of its 287(g) officers (JEM/WSO MOA Appendix B).</summary>
public sealed record ComplaintReceived(
    Guid ComplaintId, string Ori, string ComplaintNumber, Guid AgainstOfficerId, DateTimeOffset LearnedAt, string TimeZone, string FieldOfficeCode);

/// <summary>The agency told ICE of the complaint.</summary>
public sealed record IceNotifiedOfComplaint(DateTimeOffset NotifiedAt);

public enum ComplaintOutcome
{
    Sustained,
    NotSustained,
    Exonerated,
    Unfounded,
    Withdrawn,
}

/// <summary>The complaint's investigation ended.</summary>
public sealed record ComplaintResolved(DateTimeOffset ResolvedAt, ComplaintOutcome Outcome);

/// <summary>The agency reported the outcome to ICE.</summary>
public sealed record ComplaintOutcomeReported(DateTimeOffset ReportedAt);
