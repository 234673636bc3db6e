using CaseFlow.Domain.Audit;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Audit;

/// <summary>
/// The control tests' rules: an officer's act judged again by the officer's record as known now, and a case's own
/// findings from the summary's deadlines.
/// </summary>
public class ControlTestRuleTests
{
    private const string Zone = "America/Chicago";

    /// <summary>The kit's officer (trained 50 days and authorized 48 days before T0), with more of its record.</summary>
    private static Officer With(params object[] events) => events.Aggregate(AuthorizedOfficer, (o, e) => Officer.Evolve(o, e)!);

    private static ExceptionKind? Judged(Officer officer, int refresherMonths, double actHours) =>
        OfficerActs.Judge(officer, ProgramModel.JEM, Guid.NewGuid(), T0.AddHours(actHours), new RefresherPolicy(refresherMonths), Zone)?.Kind;

    [Theory]
    // revoked (hours from T0; none when null), refresher (days from T0), months, act (hours from T0), finding
    [InlineData(null, null, 24, 0.0, null)]
    [InlineData(-1.0, null, 24, 0.0, ExceptionKind.ActAfterAuthorizationRevoked)]
    [InlineData(0.0, null, 24, 0.0, ExceptionKind.ActAfterAuthorizationRevoked)] // authority ends at the effective instant
    [InlineData(1.0, null, 24, 0.0, null)]
    [InlineData(null, null, 1, 0.0, ExceptionKind.ActWithTrainingLapsed)] // trained 50 days before: lapsed under one month
    [InlineData(null, -10.0, 1, 0.0, null)]
    [InlineData(-1.0, null, 1, 0.0, ExceptionKind.ActAfterAuthorizationRevoked)] // the revocation is named first
    public void an_act_is_judged_by_the_officer_s_record_as_known_now(double? revokedHours, double? refresherDays, int months, double actHours, ExceptionKind? finding)
    {
        var events = new List<object>();
        if (revokedHours is { } revoked)
            events.Add(new AuthorizationRevoked(T0.AddHours(revoked), "misconduct", "L-9"));
        if (refresherDays is { } refresher)
            events.Add(new RefresherCompleted(ProgramModel.JEM, T0.AddDays(refresher)));

        Judged(With([.. events]), months, actHours).ShouldBe(finding);
    }

    [Theory]
    [InlineData(false, 24, false)]
    [InlineData(true, 24, true)]
    [InlineData(false, 1, true)]
    public void only_officers_whose_record_may_fail_an_act_are_looked_at(bool revoked, int months, bool looked)
    {
        var officer = revoked ? With(new AuthorizationRevoked(T0, "misconduct", "L-9")) : AuthorizedOfficer;

        OfficerActs.MayHaveFailedActs(officer, new RefresherPolicy(months), T0).ShouldBe(looked);
    }

    [Theory]
    // ICE notified (hours after lodging; none when null), asked (hours after lodging), findings
    [InlineData(2.0, 30.0, "")]
    [InlineData(26.0, 30.0, "DeadlineMissed:ice-notified-of-detainer-within-24h")]
    [InlineData(null, 23.0, "")]
    [InlineData(null, 25.0, "DeadlineMissed:ice-notified-of-detainer-within-24h")]
    public void a_case_s_own_findings_are_its_summary_s_deadlines_missed(double? notifiedAfter, double askedAfter, string findings)
    {
        var lodged = After(8); // the kit's path up to the detainer lodged at T0 + 7 hours
        var lodgedAt = T0.AddHours(7);
        var state = notifiedAfter is { } hours ? CaseFile.Evolve(lodged, Guid.NewGuid(), new IceNotifiedOfDetainer(lodgedAt.AddHours(hours)))! : lodged;

        string.Join(' ', CaseExceptions.Of(state, lodgedAt.AddHours(askedAfter)).Select(f => $"{f.Kind}:{f.Rule}")).ShouldBe(findings);
        CaseExceptions.FirstAt(state).ShouldBe(notifiedAfter is <= 24 ? null : lodgedAt.AddHours(24));
    }

    [Fact]
    public void a_hold_left_after_its_deadline_is_beyond_the_limit()
    {
        var path = Path();
        var held = Fold(path.Take(17)); // the hold started at T0 + 2 days, its deadline 48 hours later
        var deadline = T0.AddDays(4);
        var releasedLate = CaseFile.Evolve(held, Guid.NewGuid(), new ReleasedFromLocalCustody(deadline.AddHours(3), ReleaseReason.HoldExpired))!;

        CaseExceptions.Of(held, deadline.AddHours(-1)).ShouldBeEmpty();
        CaseExceptions.Of(releasedLate, deadline.AddDays(5)).Single().ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe(ExceptionKind.HoldBeyondLimit),
            f => f.Instants.Select(i => (i.Name, i.At)).ShouldBe([("due", deadline), ("metAt", deadline.AddHours(3))]));
    }
}
