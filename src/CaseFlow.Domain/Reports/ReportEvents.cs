namespace CaseFlow.Domain.Reports;

/// <summary>
/// An analyst proposed releasing a month's report as it then stood: the candidate's canonical JSON (RFC 8785) and its
/// SHA-256 (lower-case hex), frozen here so the approval releases exactly these bytes. Who proposed is in the event's
/// envelope (the token subject), never in its data.
/// </summary>
public sealed record ReportReleaseProposed(Guid ProposalId, string Month, string Sha256, string Document);

/// <summary>
/// An admin other than the proposer approved a proposal: the month's release <paramref name="Version"/> (1, 2, ...) is
/// the proposal's document, whose hash is repeated here. The references are those of the ICE Public Affairs and Privacy
/// Office approvals the MOAs require before data leaves ICE's control (domain.md section 2).
/// </summary>
public sealed record ReportReleaseApproved(
    Guid ProposalId, string Month, int Version, string Sha256, string PublicAffairsReference, string PrivacyOfficeReference);
