using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>A JEM case of Fort Bend County's jail, its agreement and an authorized officer, and the JEM path step by step.</summary>
public static class CaseKit
{
    public const string Ori = "TX0790000";
    public const string Badge = "FB-1001";
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(-6));
    public static readonly Actor Jail = new("jail-system", Badge);
    public static readonly Actor Supervisor = new("ice-supervisor-hou", null);

    public static readonly Agreement Jem = Signed(ProgramModel.JEM);
    public static readonly Officer AuthorizedOfficer = AuthorizedFor(ProgramModel.JEM, "JEM basic", "Law");
    public static readonly Agreement WsoAgreement = Signed(ProgramModel.WSO);
    public static readonly Officer WsoOfficer = AuthorizedFor(ProgramModel.WSO, "WSO online course", "WSO");

    /// <summary>Fort Bend County's agreement for the model, in force since 2025-05-28.</summary>
    private static Agreement Signed(ProgramModel model) => Agreement.Sign(new AgreementSigned(
        AgreementId.For(Ori, model), Ori, false, "Fort Bend County Sheriff's Office", "TX", "Fort Bend County", model,
        new DateOnly(2025, 5, 28), "HOU", "America/Chicago", new DateOnly(2025, 7, 18), "ICE list"));

    /// <summary>The badge's officer, trained, certified and authorized for the model since 48 days before <see cref="T0"/>.</summary>
    private static Officer AuthorizedFor(ProgramModel model, string course, string exam) => new object[]
    {
        new BackgroundCheckCompleted(T0.AddDays(-60), BackgroundCheckResult.Passed),
        new TrainingCompleted(course, model, T0.AddDays(-50), [new ExamResult(exam, 90)], TrainingOutcome.Passed),
        new OfficerCertified(model, T0.AddDays(-49)),
        new AuthorizationIssued([model], T0.AddDays(-48), "L", "F", "C"),
    }.Aggregate(Officer.Nominate(new OfficerNominated(OfficerId.For(Ori, Badge), Ori, Badge, [model], T0.AddDays(-70), "HOU")), (o, e) => Officer.Evolve(o, e)!);

    public static BookingRecorded Booking(params Charge[] charges) => new(
        CaseId.For(Ori, "B-1"), Ori, ProgramModel.JEM, "B-1", T0, charges.Length == 0 ? [new Charge("TX PC 49.04", "DWI", ChargeLevel.Misdemeanor)] : charges,
        null, Guid.NewGuid(), Jem.Id, "HOU", "America/Chicago");

    /// <summary>The JEM path from booking to closure after transfer to ICE, in order.</summary>
    public static IReadOnlyList<CaseEvent> Path(DateTimeOffset? start = null)
    {
        var t = start ?? T0;
        return
        [
            Booking(),
            new ScreeningOpened(t.AddHours(1)),
            new RecordsCheckCompleted(t.AddHours(2), ["IDENT", "EID"], BiometricMatch: true),
            new InterviewConducted(t.AddHours(3), InterpreterOffered: true, InterpreterUsed: false),
            new DeterminationRecorded(t.AddHours(4), Determination.Removable),
            new DetainerPrepared(t.AddHours(5), [ProbableCauseBasis.BiometricAndRecords], WarrantType.I200, Jail),
            new DetainerApproved(t.AddHours(6), Supervisor),
            new DetainerLodged(t.AddHours(7)),
            new DetainerServedOnSubject(t.AddHours(8), "in person"),
            new IceNotifiedOfDetainer(t.AddHours(9)),
            new I213Prepared(t.AddHours(10), "I213-1", Jail),
            new ChargingDocumentPrepared(t.AddHours(11), ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"], Jail),
            new SubmittedForReview(t.AddHours(12), [ReviewItem.I213, ReviewItem.ChargingDocument], Jail),
            new ReviewApproved(t.AddHours(13), Supervisor),
            new ChargingDocumentServed(t.AddHours(14)),
            new ReleaseEligible(t.AddDays(2)),
            HoldPolicy.Start(t.AddDays(2)), // appended by CaseFlow with the release eligibility
            new WarrantServed(t.AddDays(2).AddHours(1), WarrantType.I200),
            new CustodyTransferredToIce(t.AddDays(2).AddHours(20), "ERO Houston"),
            new CaseClosed(t.AddDays(3), Disposition.TransferredToIce),
        ];
    }

    public static CaseFile Fold(IEnumerable<CaseEvent> events) =>
        events.Select((e, i) => (e, i)).Aggregate((CaseFile?)null, (s, x) => CaseFile.Evolve(s, Id(x.i), x.e))!;

    /// <summary>The case after the first <paramref name="steps"/> events of the path.</summary>
    public static CaseFile After(int steps) => Fold(Path().Take(steps));

    public static Guid Id(int index) => new($"00000000-0000-0000-0000-{index:000000000000}");

    /// <summary>
    /// The rules' verdict on an event sent as a client sends it: the envelope's occurredAt is the event's own instant,
    /// recorded then or later.
    /// </summary>
    public static Refusal? Judge(CaseFile state, CaseEvent e, CaseRuleContext context)
    {
        var at = CaseInstants.Of(e) ?? context.OccurredAt;
        return CaseRules.Check(state, e, context with { OccurredAt = at, RecordedAt = at > context.RecordedAt ? at : context.RecordedAt });
    }

    public static CaseRuleContext Context(Actor? actor = null, DateTimeOffset? at = null, Officer? officer = null, Agreement? agreement = null,
        params WarrantType[] authority) =>
        new(actor ?? Jail, at ?? T0.AddHours(5), at ?? T0.AddHours(5), agreement ?? Jem, officer ?? AuthorizedOfficer, RefresherPolicy.Default,
            authority.Length == 0 ? new HashSet<WarrantType> { WarrantType.I200, WarrantType.I205 } : authority.ToHashSet()) { MayVoid = _ => true };
}
