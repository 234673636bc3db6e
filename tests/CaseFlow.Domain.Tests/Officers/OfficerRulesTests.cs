using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Tests.Officers;

public class OfficerRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(-6));
    private static readonly RefresherPolicy TwoYears = RefresherPolicy.Default;
    private const string Ori = "TX0790000";
    private const string Chicago = "America/Chicago";

    private static readonly Agreement Jem = Agreement.Sign(new AgreementSigned(
        AgreementId.For(Ori, ProgramModel.JEM), Ori, false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County", ProgramModel.JEM,
        new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    private static Officer Nominated() => Officer.Nominate(new OfficerNominated(OfficerId.For(Ori, "FB-1"), Ori, "FB-1", [ProgramModel.JEM], T0, "HOU"));

    private static Officer After(Officer officer, params object[] events) => events.Aggregate(officer, (state, e) => Officer.Evolve(state, e)!);

    private static TrainingCompleted Training(DateTimeOffset at, params int[] scores) =>
        Training(Nominated(), ProgramModel.JEM, at, [.. scores.Select((s, i) => new ExamResult($"E{i}", s))]);

    /// <summary>A training event judged as the endpoint judges it: with the attempts already recorded for the model.</summary>
    private static TrainingCompleted Training(Officer before, ProgramModel model, DateTimeOffset at, params ExamResult[] exams) =>
        new($"{model} course", model, at, exams, TrainingPolicy.Judge(before.AttemptsFor(model), exams));

    private static Officer Trained(Officer before, ProgramModel model, DateTimeOffset at, params ExamResult[] exams) =>
        After(before, Training(before, model, at, exams));

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

        disqualified.DisqualifiedAt(ProgramModel.JEM).ShouldBe(T0.AddDays(30));
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

        revoked.IsAuthorizedAt(Ori, ProgramModel.JEM, revokedAt.AddTicks(-1), TwoYears, Chicago).ShouldBeTrue();
        revoked.IsAuthorizedAt(Ori, ProgramModel.JEM, revokedAt, TwoYears, Chicago).ShouldBeFalse();
        revoked.StatusAt(revokedAt).ShouldBe(OfficerStatus.Revoked);
        Check(revoked, new AuthorizationRevoked(revokedAt.AddDays(1), "again", "X")).ShouldBe("not-authorized");
    }

    [Theory]
    [InlineData(31.9, false)] // before the authorization took effect on day 32
    [InlineData(32, true)]
    public void authority_starts_at_issue(double day, bool authorized) =>
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(day), TwoYears, Chicago).ShouldBe(authorized);

    /// <summary>
    /// Training completed on 2026-02-04 (Chicago) is current for 24 calendar months: through 2028-02-04 on the
    /// agency's local date, whatever the UTC date, and lapses when 2028-02-05 begins in Chicago.
    /// </summary>
    [Theory]
    [InlineData("2028-02-04T23:59:59.9999999-06:00", true)]
    [InlineData("2028-02-05T05:59:59Z", true)] // already the 5th in UTC, still the 4th in Chicago
    [InlineData("2028-02-05T00:00:00-06:00", false)]
    [InlineData("2028-02-05T06:00:00Z", false)]
    [InlineData("2028-02-04T09:00:00-06:00", true)] // 730 days after training would have lapsed on 2028-02-04 (a leap year)
    public void training_stays_current_through_the_due_date_on_the_agencys_local_date(string instant, bool authorized)
    {
        Authorized().RefresherDueOn(ProgramModel.JEM, TwoYears, Chicago, T0.AddDays(40)).ShouldBe(new DateOnly(2028, 2, 4));
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), TwoYears, Chicago)
            .ShouldBe(authorized);
    }

    [Theory]
    [InlineData("2026-01-31T12:00:00-06:00", 1, "2026-02-28")] // a month end clamps
    [InlineData("2024-02-29T12:00:00-06:00", 24, "2026-02-28")]
    [InlineData("2026-01-31T23:30:00-06:00", 1, "2026-02-28")] // 1 February in UTC: the local date counts
    [InlineData("2026-03-08T01:30:00-06:00", 12, "2027-03-08")] // the night clocks move forward
    [InlineData("2026-11-01T23:59:59-06:00", 24, "2028-11-01")]
    [InlineData("2026-11-02T00:00:00-06:00", 24, "2028-11-02")]
    public void the_refresher_falls_due_in_calendar_months_of_the_local_date(string trainedAt, int months, string dueOn) =>
        new RefresherPolicy(months).DueOn(DateTimeOffset.Parse(trainedAt, System.Globalization.CultureInfo.InvariantCulture), Chicago)
            .ShouldBe(DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void a_refresher_renews_training_and_the_interval_is_a_policy_setting()
    {
        var refreshed = After(Authorized(), new RefresherCompleted(ProgramModel.JEM, T0.AddDays(700)));

        refreshed.IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(800), TwoYears, Chicago).ShouldBeTrue();
        refreshed.RefresherDueOn(ProgramModel.JEM, TwoYears, Chicago, T0.AddDays(800)).ShouldBe(LocalDay.Of(T0.AddDays(700), Chicago).AddMonths(24));
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, new DateTimeOffset(2027, 2, 4, 23, 0, 0, TimeSpan.FromHours(-6)), new RefresherPolicy(12), Chicago).ShouldBeTrue();
        Authorized().IsAuthorizedAt(Ori, ProgramModel.JEM, new DateTimeOffset(2027, 2, 5, 0, 0, 0, TimeSpan.FromHours(-6)), new RefresherPolicy(12), Chicago).ShouldBeFalse();
    }

    private static Officer NominatedForBoth() => After(
        Officer.Nominate(new OfficerNominated(OfficerId.For(Ori, "FB-2"), Ori, "FB-2", [ProgramModel.JEM, ProgramModel.WSO], T0, "HOU")),
        new BackgroundCheckCompleted(T0.AddDays(1), BackgroundCheckResult.Passed));

    /// <summary>A remedial retake recorded as a training event of its own is judged with the failure it retakes.</summary>
    [Fact]
    public void two_failed_attempts_at_the_same_exam_disqualify_across_training_events()
    {
        var firstCourse = Trained(NominatedForBoth(), ProgramModel.JEM, T0.AddDays(30), new ExamResult("Law", 65), new ExamResult("Ops", 90));
        firstCourse.Trainings.Single().Outcome.ShouldBe(TrainingOutcome.RemedialRequired);

        var retake = Training(firstCourse, ProgramModel.JEM, T0.AddDays(40), new ExamResult("Law", 69, Remedial: true));
        retake.Outcome.ShouldBe(TrainingOutcome.Disqualified);
        var disqualified = After(firstCourse, retake);

        disqualified.DisqualifiedAt(ProgramModel.JEM).ShouldBe(T0.AddDays(40));
        disqualified.DisqualifiedFor(ProgramModel.JEM, T0.AddDays(40).AddTicks(-1)).ShouldBeFalse();
        disqualified.DisqualifiedFor(ProgramModel.JEM, T0.AddDays(40)).ShouldBeTrue();
        Check(disqualified, Training(disqualified, ProgramModel.JEM, T0.AddDays(50), new ExamResult("Law", 99))).ShouldBe("officer-disqualified");
        Check(disqualified, new OfficerCertified(ProgramModel.JEM, T0.AddDays(41))).ShouldBe("officer-disqualified");
        Check(disqualified, new RefresherCompleted(ProgramModel.JEM, T0.AddDays(42))).ShouldBe("officer-disqualified");
    }

    [Fact]
    public void a_passed_remedial_retake_in_a_later_event_passes_and_a_second_remedial_is_refused_across_events()
    {
        var firstCourse = Trained(NominatedForBoth(), ProgramModel.JEM, T0.AddDays(30), new ExamResult("Law", 65), new ExamResult("Ops", 90));
        var passed = Trained(firstCourse, ProgramModel.JEM, T0.AddDays(40), new ExamResult("Law", 70, Remedial: true));

        passed.Trainings[^1].Outcome.ShouldBe(TrainingOutcome.Passed);
        passed.PassedTraining(ProgramModel.JEM, T0.AddDays(40)).ShouldBeTrue();
        Check(passed, Training(passed, ProgramModel.JEM, T0.AddDays(50), new ExamResult("Ops", 60), new ExamResult("Ops", 80, Remedial: true)))
            .ShouldBe("more-than-one-remedial");
        Check(NominatedForBoth(), Training(NominatedForBoth(), ProgramModel.JEM, T0.AddDays(30), new ExamResult("Law", 80, Remedial: true)))
            .ShouldBe("remedial-without-failure");
    }

    [Fact]
    public void disqualification_is_per_model()
    {
        var jemDisqualified = Trained(NominatedForBoth(), ProgramModel.JEM, T0.AddDays(30), new ExamResult("Law", 60), new ExamResult("Law", 60, Remedial: true));

        jemDisqualified.DisqualifiedFor(ProgramModel.JEM, T0.AddDays(31)).ShouldBeTrue();
        jemDisqualified.DisqualifiedFor(ProgramModel.WSO, T0.AddDays(31)).ShouldBeFalse();
        jemDisqualified.StatusAt(T0.AddDays(31)).ShouldNotBe(OfficerStatus.Disqualified);
        Check(jemDisqualified, Training(jemDisqualified, ProgramModel.WSO, T0.AddDays(35), new ExamResult("WSO", 95))).ShouldBeNull();
        var wsoAuthorized = After(Trained(jemDisqualified, ProgramModel.WSO, T0.AddDays(35), new ExamResult("WSO", 95)),
            new OfficerCertified(ProgramModel.WSO, T0.AddDays(36)));
        Check(wsoAuthorized, new AuthorizationIssued([ProgramModel.JEM, ProgramModel.WSO], T0.AddDays(37), "L", "F", "C")).ShouldBe("officer-disqualified");
    }

    /// <summary>
    /// An officer authorized on day 32 fails a later course (with the one failure of the first) on day 200: an act
    /// dated day 199 that an offline jail reports afterwards was lawful; one dated day 200 was not.
    /// </summary>
    [Theory]
    [InlineData(199.99, true)]
    [InlineData(200, false)]
    public void acts_reported_late_are_judged_by_the_standing_the_officer_had_then(double day, bool authorized)
    {
        var authorizedOnce = After(
            Trained(NominatedForBoth(), ProgramModel.JEM, T0.AddDays(30), new ExamResult("Law", 65), new ExamResult("Law", 80, Remedial: true)),
            new OfficerCertified(ProgramModel.JEM, T0.AddDays(31)), Authorization(T0.AddDays(32)));
        var disqualifiedLater = Trained(authorizedOnce, ProgramModel.JEM, T0.AddDays(200), new ExamResult("Update", 50));

        disqualifiedLater.IsAuthorizedAt(Ori, ProgramModel.JEM, T0.AddDays(day), TwoYears, Chicago).ShouldBe(authorized);
    }

    [Fact]
    public void authority_is_for_the_officers_own_agency_and_models()
    {
        Authorized().IsAuthorizedAt("TX0040000", ProgramModel.JEM, T0.AddDays(40), TwoYears, Chicago).ShouldBeFalse();
        Authorized().IsAuthorizedAt(Ori, ProgramModel.WSO, T0.AddDays(40), TwoYears, Chicago).ShouldBeFalse();
    }

    [Fact]
    public void credentials_are_returned_after_revocation()
    {
        Check(Authorized(), new CredentialsReturned(T0.AddDays(50))).ShouldBe("authorization-still-in-force");
        Check(After(Authorized(), new AuthorizationRevoked(T0.AddDays(50), "transfer", "L-2")), new CredentialsReturned(T0.AddDays(51))).ShouldBeNull();
        Check(Nominated(), new CredentialsReturned(T0.AddDays(51))).ShouldBe("no-credentials");
    }
}
