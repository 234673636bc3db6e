using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Tests.Officers;

public class OfficerRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly TimeSpan TwoYears = RefresherPolicy.Default;
    private const string Ori = "TX0790000";

    private static readonly Agreement Jem = Agreement.Sign(new AgreementSigned(
        AgreementId.For(Ori, ProgramModel.JEM), Ori, false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County", ProgramModel.JEM,
        new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    private static Officer Nominated() => Officer.Nominate(new OfficerNominated(OfficerId.For(Ori, "FB-1"), Ori, "FB-1", [ProgramModel.JEM], T0, "HOU"));

    private static Officer After(Officer officer, params object[] events) => events.Aggregate(officer, (state, e) => Officer.Evolve(state, e)!);

    private static TrainingCompleted Training(DateTimeOffset at, params int[] scores) =>
        new("JEM basic", ProgramModel.JEM, at, scores.Select((s, i) => new ExamResult($"E{i}", s)).ToList(),
            TrainingPolicy.Judge(scores.Select((s, i) => new ExamResult($"E{i}", s)).ToList()));

    private static AuthorizationIssued Authorization(DateTimeOffset at) => new([ProgramModel.JEM], at, "FOD-HOU-2026-1", "70-006-1", "CRED-1");

    private static Officer Authorized() => After(Nominated(),
        new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed),
        Training(T0.AddDays(30), 85, 90),
        new OfficerCertified(ProgramModel.JEM, T0.AddDays(31)),
        Authorization(T0.AddDays(32)));

    private static string? Check(Officer officer, object e) => OfficerRules.Check(officer, e, [Jem])?.Code;

    [Fact]
    public void training_needs_a_passed_background_check()
    {
        Check(Nominated(), Training(T0.AddDays(30), 90)).ShouldBe("background-check-not-passed");
        Check(After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Failed)), Training(T0.AddDays(30), 90)).ShouldBe("officer-disqualified");
        Check(After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed)), Training(T0.AddDays(30), 90)).ShouldBeNull();
    }

    [Fact]
    public void two_failed_exams_disqualify_and_stop_every_later_step()
    {
        var disqualified = After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed), Training(T0.AddDays(30), 60, 65));

        disqualified.Disqualified.ShouldBeTrue();
        Check(disqualified, new OfficerCertified(ProgramModel.JEM, T0.AddDays(31))).ShouldBe("officer-disqualified");
        disqualified.StatusAt(T0.AddDays(40)).ShouldBe(OfficerStatus.Disqualified);
    }

    [Fact]
    public void certification_needs_passed_training_and_authorization_needs_certification()
    {
        var trained = After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed), Training(T0.AddDays(30), 90));

        Check(After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed)), new OfficerCertified(ProgramModel.JEM, T0.AddDays(31)))
            .ShouldBe("training-not-passed");
        Check(trained, Authorization(T0.AddDays(32))).ShouldBe("not-certified");
        Check(After(trained, new OfficerCertified(ProgramModel.JEM, T0.AddDays(31))), Authorization(T0.AddDays(32))).ShouldBeNull();
        Check(After(trained, new OfficerCertified(ProgramModel.JEM, T0.AddDays(33))), Authorization(T0.AddDays(32))).ShouldBe("not-certified");
    }

    [Fact]
    public void authorization_needs_the_agencys_agreement_in_force()
    {
        var certified = After(Nominated(), new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed), Training(T0.AddDays(30), 90),
            new OfficerCertified(ProgramModel.JEM, T0.AddDays(31)));
        var suspended = Agreement.Evolve(Jem, new AgreementSuspended(T0.AddDays(20), "misconduct"))!;

        OfficerRules.Check(certified, Authorization(T0.AddDays(32)), [suspended])!.Code.ShouldBe("agreement-not-in-force");
        OfficerRules.Check(certified, Authorization(T0.AddDays(32)), [])!.Code.ShouldBe("agreement-not-in-force");
    }

    [Fact]
    public void revocation_ends_authority_from_its_effective_instant()
    {
        var revokedAt = T0.AddDays(100);
        var revoked = After(Authorized(), new AuthorizationRevoked(revokedAt, "misconduct", "FOD-HOU-2026-9"));

        revoked.IsAuthorizedAt(Ori, ProgramModel.JEM, revokedAt.AddTicks(-1), TwoYears).ShouldBeTrue();
        revoked.IsAuthorizedAt(Ori, ProgramModel.JEM, revokedAt, TwoYears).ShouldBeFalse();
        revoked.StatusAt(revokedAt).ShouldBe(OfficerStatus.Revoked);
        Check(revoked, new AuthorizationRevoked(revokedAt.AddDays(1), "again", "X")).ShouldBe("not-authorized");
    }

    [Theory]
    [InlineData(31.9, false)] // before the authorization took effect on day 32
    [InlineData(32, true)]
    [InlineData(759.9, true)] // training of day 30 is current for 730 days
    [InlineData(760, false)]
    public void authority_starts_at_issue_and_lapses_when_training_is_no_longer_current(double day, bool authorized) =>
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(day), TwoYears).ShouldBe(authorized);

    [Fact]
    public void a_refresher_renews_training_and_the_interval_is_a_policy_setting()
    {
        var refreshed = After(Authorized(), new RefresherCompleted(ProgramModel.JEM, T0.AddDays(700)));

        refreshed.IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(800), TwoYears).ShouldBeTrue();
        refreshed.RefresherDue(ProgramModel.JEM, TwoYears, T0.AddDays(800)).ShouldBe(T0.AddDays(700) + TwoYears);
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(400), TimeSpan.FromDays(365)).ShouldBeFalse();
    }

    [Fact]
    public void authority_is_for_the_officers_own_agency_and_models()
    {
        Authorized().IsAuthorizedAt("TX0040000", ProgramModel.JEM, T0.AddDays(40), TwoYears).ShouldBeFalse();
        Authorized().IsAuthorizedAt(Ori, ProgramModel.WSO, T0.AddDays(40), TwoYears).ShouldBeFalse();
    }

    [Fact]
    public void credentials_are_returned_after_revocation()
    {
        Check(Authorized(), new CredentialsReturned(T0.AddDays(50))).ShouldBe("authorization-still-in-force");
        Check(After(Authorized(), new AuthorizationRevoked(T0.AddDays(50), "transfer", "L-2")), new CredentialsReturned(T0.AddDays(51))).ShouldBeNull();
        Check(Nominated(), new CredentialsReturned(T0.AddDays(51))).ShouldBe("no-credentials");
    }
}
