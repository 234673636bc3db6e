using CaseFlow.Ids;

namespace CaseFlow.Domain.Complaints;

/// <summary>A complaint's id is UUIDv5 over <c>"{ORI}|{complaintNumber}"</c>, the agency's own reference.</summary>
public static class ComplaintId
{
    public static Guid For(string ori, string complaintNumber) => CaseFlowIds.Complaint(ori, complaintNumber);
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
