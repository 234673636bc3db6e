using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using UUIDNext;

namespace CaseFlow.Domain.Reports;

/// <summary>One proposal to release a month's report, and the release version its approval made (null until approved).</summary>
public sealed record ReportProposal(Guid ProposalId, string Sha256, int? ReleasedVersion = null);

/// <summary>
/// The release stream of one month's report: its proposals, in order, and how many versions were released. A release
/// is never altered; a re-release is a new proposal and a new version.
/// </summary>
public sealed record ReportRelease : IChainedState<ReportRelease>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ChainHead { get; init; } = "";
    public required string Month { get; init; }
    public IReadOnlyList<ReportProposal> Proposals { get; init; } = [];

    public int ReleasedVersions => Proposals.Count(p => p.ReleasedVersion is not null);

    public ReportRelease AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };

    /// <summary>The stream of a month's releases: UUIDv5 over <c>report|YYYY-MM</c>, so every node finds the same one.</summary>
    public static Guid StreamOf(string month) => Uuid.NewNameBased(CaseId.Namespace, $"report|{month}");

    /// <summary>The approval's event id follows from the proposal, so a proposal is approved once however often it is sent.</summary>
    public static Guid ApprovalEventId(Guid proposalId) => Uuid.NewNameBased(CaseId.Namespace, $"report-approval|{proposalId}");

    static ReportRelease? IChainedState<ReportRelease>.Evolve(ReportRelease? state, Guid eventId, object @event) => Evolve(state, @event);

    public static ReportRelease? Evolve(ReportRelease? state, object @event) => (state, @event) switch
    {
        (_, ReportReleaseProposed e) => (state ?? new ReportRelease { Id = StreamOf(e.Month), Month = e.Month }) with
        {
            Proposals = [.. state?.Proposals ?? [], new ReportProposal(e.ProposalId, e.Sha256)],
        },
        (not null, ReportReleaseApproved e) => state with
        {
            Proposals = [.. state.Proposals.Select(p => p.ProposalId == e.ProposalId ? p with { ReleasedVersion = e.Version } : p)],
        },
        _ => state,
    };
}

/// <summary>Who may release a month's report and when (design.md: an analyst proposes, an admin other than the proposer approves).</summary>
public static class ReportReleaseRules
{
    public const string SameApprover = "report-approver-is-proposer";
    public const string AlreadyApproved = "report-proposal-already-approved";
    public const string Superseded = "report-proposal-superseded";
    public const string NoProposal = "report-proposal-not-found";
    public const string MonthNotOver = "report-month-not-over";

    /// <summary>
    /// A month may be proposed for release once it has ended in every agency's zone: at 12:00 UTC on the next month's
    /// first day the month is over even at UTC-12.
    /// </summary>
    public static Refusal? CheckMonthOver(DateOnly month, DateTimeOffset now) =>
        now < new DateTimeOffset(month.AddMonths(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
            ? new Refusal(MonthNotOver, "The month is not over", "A month's report may be proposed for release once the month has ended in every agency's time zone (12:00 UTC on the next month's first day).")
            : null;

    /// <summary>Whether the proposal may be approved now (null when it may): it exists, is the month's latest, and is not approved yet.</summary>
    public static Refusal? CheckApproval(ReportRelease? state, Guid proposalId)
    {
        if (state?.Proposals.FirstOrDefault(p => p.ProposalId == proposalId) is not { } proposal)
            return new Refusal(NoProposal, "No such proposal", "The month has no release proposal with this id.");
        if (proposal.ReleasedVersion is not null)
            return new Refusal(AlreadyApproved, "The proposal was already approved", $"This proposal was released as version {proposal.ReleasedVersion}.");
        return state.Proposals[^1].ProposalId != proposalId
            ? new Refusal(Superseded, "A later proposal replaced this one", "Only the month's latest proposal may be approved; approve that one, or propose again.")
            : null;
    }

    /// <summary>The proposer may not approve their own proposal, whatever role their token carries.</summary>
    public static Refusal? CheckApprover(string proposer, string approver) =>
        proposer == approver
            ? new Refusal(SameApprover, "Another person must approve", "The person who proposed a release may not approve it; an admin other than the proposer must.")
            : null;

    /// <summary>The approval of the proposal: the month's next version, with the document's hash repeated.</summary>
    public static ReportReleaseApproved Approve(ReportRelease state, ReportProposal proposal, string publicAffairs, string privacyOffice) =>
        new(proposal.ProposalId, state.Month, state.ReleasedVersions + 1, proposal.Sha256, publicAffairs, privacyOffice);
}
