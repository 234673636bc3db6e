using CaseFlow.Domain.Reports;

namespace CaseFlow.Domain.Tests.Reports;

public class ReportReleaseRulesTests
{
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();

    private static ReportRelease? Stream(params object[] events) => events.Aggregate((ReportRelease?)null, ReportRelease.Evolve);

    private static ReportReleaseProposed Proposed(Guid id) => new(id, "2026-02", $"hash-{id:N}", "{}");

    private static ReportReleaseApproved Approved(Guid id, int version) => new(id, "2026-02", version, $"hash-{id:N}", "OPA-1", "PRIV-1");

    public static TheoryData<string, Guid, string?> Approvals => new()
    {
        { "nothing proposed", First, ReportReleaseRules.NoProposal },
        { "proposed", First, null },
        { "proposed, another proposal asked", Second, ReportReleaseRules.NoProposal },
        { "proposed twice", First, ReportReleaseRules.Superseded },
        { "proposed twice", Second, null },
        { "approved", First, ReportReleaseRules.AlreadyApproved },
        { "approved, then proposed again", Second, null },
    };

    private static readonly Dictionary<string, object[]> Histories = new()
    {
        ["nothing proposed"] = [],
        ["proposed"] = [Proposed(First)],
        ["proposed, another proposal asked"] = [Proposed(First)],
        ["proposed twice"] = [Proposed(First), Proposed(Second)],
        ["approved"] = [Proposed(First), Approved(First, 1)],
        ["approved, then proposed again"] = [Proposed(First), Approved(First, 1), Proposed(Second)],
    };

    [Theory]
    [MemberData(nameof(Approvals))]
    public void only_the_latest_proposal_not_yet_approved_may_be_approved(string history, Guid proposal, string? refusal) =>
        (ReportReleaseRules.CheckApproval(Stream(Histories[history]), proposal)?.Code).ShouldBe(refusal);

    [Fact]
    public void each_approval_is_the_months_next_version_with_the_proposals_hash()
    {
        var stream = Stream(Proposed(First), Approved(First, 1), Proposed(Second))!;

        var approval = ReportReleaseRules.Approve(stream, stream.Proposals[^1], "OPA-2", "PRIV-2");

        approval.ShouldBe(new ReportReleaseApproved(Second, "2026-02", 2, $"hash-{Second:N}", "OPA-2", "PRIV-2"));
        stream.ReleasedVersions.ShouldBe(1);
    }

    [Theory]
    [InlineData("admin-a", "admin-a", ReportReleaseRules.SameApprover)]
    [InlineData("analyst-a", "admin-b", null)]
    public void the_proposer_never_approves(string proposer, string approver, string? refusal) =>
        (ReportReleaseRules.CheckApprover(proposer, approver)?.Code).ShouldBe(refusal);

    [Theory]
    [InlineData("2026-03-01T11:59:59Z", ReportReleaseRules.MonthNotOver)]
    [InlineData("2026-03-01T12:00:00Z", null)]
    [InlineData("2026-02-28T23:59:59-12:00", ReportReleaseRules.MonthNotOver)]
    [InlineData("2026-03-01T00:00:00-12:00", null)]
    [InlineData("2026-02-15T00:00:00Z", ReportReleaseRules.MonthNotOver)]
    public void a_month_is_proposed_once_it_has_ended_in_every_zone(string now, string? refusal) =>
        (ReportReleaseRules.CheckMonthOver(new DateOnly(2026, 2, 1), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))?.Code).ShouldBe(refusal);
}
