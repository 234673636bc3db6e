using CaseFlow.Client;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A whole JEM case and every read of it, through the client generated from docs/openapi.json: typed calls only.</summary>
public class JemCaseThroughClientTests(AppFixture app)
{
    private const string Badge = CaseScenario.Badge;
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    private DateTimeOffset Ago(int minutes) => now.AddMinutes(-minutes);

    [Fact]
    public async Task a_jem_case_goes_from_booking_to_closure_and_reads_back_whole()
    {
        var jem = await CaseScenario.Create(app);
        var (jail, ice) = (app.Client(jem.Jail), app.Client(jem.Supervisor));
        var auditor = app.Client(app.Tokens.For(Roles.Auditor));
        var (bookingNumber, aNumber) = (Envelopes.NewBookingNumber(), $"A{Random.Shared.Next(100_000_000, 999_999_999)}");

        var caseId = await jail.Book(jem.Ori, bookingNumber, ProgramModel.JEM, now.AddHours(-3), aNumber);
        await jail.Post(caseId, new() { ScreeningOpenedEnvelope = new() { EventId = Guid.NewGuid(), Type = ScreeningOpenedEnvelope_type.ScreeningOpened, OccurredAt = Ago(60), OfficerId = Badge, Data = new() { OpenedAt = Ago(60) } } });
        await jail.Post(caseId, new() { RecordsCheckCompletedEnvelope = new() { EventId = Guid.NewGuid(), Type = RecordsCheckCompletedEnvelope_type.RecordsCheckCompleted, OccurredAt = Ago(59), OfficerId = Badge,
            Data = new() { CompletedAt = Ago(59), SystemsChecked = ["IDENT", "EID"], BiometricMatch = true } } });
        await jail.Post(caseId, new() { InterviewConductedEnvelope = new() { EventId = Guid.NewGuid(), Type = InterviewConductedEnvelope_type.InterviewConducted, OccurredAt = Ago(58), OfficerId = Badge,
            Data = new() { ConductedAt = Ago(58), InterpreterOffered = true, InterpreterUsed = true, InterpreterName = "Ana Ruiz", Language = "es" } } });
        await jail.Post(caseId, new() { DeterminationRecordedEnvelope = new() { EventId = Guid.NewGuid(), Type = DeterminationRecordedEnvelope_type.DeterminationRecorded, OccurredAt = Ago(57), OfficerId = Badge,
            Data = new() { DeterminedAt = Ago(57), Outcome = Determination.Removable } } });
        await jail.Post(caseId, new() { DetainerPreparedEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerPreparedEnvelope_type.DetainerPrepared, OccurredAt = Ago(56), OfficerId = Badge,
            Data = new() { PreparedAt = Ago(56), Bases = [ProbableCauseBasis.BiometricAndRecords], WarrantType = WarrantType.I200 } } });
        await ice.Post(caseId, new() { DetainerApprovedEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerApprovedEnvelope_type.DetainerApproved, OccurredAt = Ago(55), Data = new() { ApprovedAt = Ago(55) } } });
        await jail.Post(caseId, new() { DetainerLodgedEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerLodgedEnvelope_type.DetainerLodged, OccurredAt = Ago(54), OfficerId = Badge, Data = new() { LodgedAt = Ago(54) } } });
        await jail.Post(caseId, new() { DetainerServedOnSubjectEnvelope = new() { EventId = Guid.NewGuid(), Type = DetainerServedOnSubjectEnvelope_type.DetainerServedOnSubject, OccurredAt = Ago(53), OfficerId = Badge,
            Data = new() { ServedAt = Ago(53), Method = "in person" } } });
        await jail.Post(caseId, new() { IceNotifiedOfDetainerEnvelope = new() { EventId = Guid.NewGuid(), Type = IceNotifiedOfDetainerEnvelope_type.IceNotifiedOfDetainer, OccurredAt = Ago(52), Data = new() { NotifiedAt = Ago(52) } } });
        await jail.Post(caseId, new() { I213PreparedEnvelope = new() { EventId = Guid.NewGuid(), Type = I213PreparedEnvelope_type.I213Prepared, OccurredAt = Ago(51), OfficerId = Badge,
            Data = new() { PreparedAt = Ago(51), DocumentRef = "I213-77" } } });
        await jail.Post(caseId, new() { ChargingDocumentPreparedEnvelope = new() { EventId = Guid.NewGuid(), Type = ChargingDocumentPreparedEnvelope_type.ChargingDocumentPrepared, OccurredAt = Ago(50), OfficerId = Badge,
            Data = new() { PreparedAt = Ago(50), DocumentType = ChargingDocumentType.NoticeToAppear, Charges = ["212(a)(6)(A)(i)"] } } });
        await jail.Post(caseId, new() { SubmittedForReviewEnvelope = new() { EventId = Guid.NewGuid(), Type = SubmittedForReviewEnvelope_type.SubmittedForReview, OccurredAt = Ago(49), OfficerId = Badge,
            Data = new() { SubmittedAt = Ago(49), Items = [ReviewItem.I213, ReviewItem.ChargingDocument] } } });
        await ice.Post(caseId, new() { ReviewApprovedEnvelope = new() { EventId = Guid.NewGuid(), Type = ReviewApprovedEnvelope_type.ReviewApproved, OccurredAt = Ago(48), Data = new() { SignedAt = Ago(48) } } });
        await jail.Post(caseId, new() { ChargingDocumentServedEnvelope = new() { EventId = Guid.NewGuid(), Type = ChargingDocumentServedEnvelope_type.ChargingDocumentServed, OccurredAt = Ago(47), OfficerId = Badge,
            Data = new() { ServedAt = Ago(47) } } });
        var eligible = await jail.Post(caseId, new() { ReleaseEligibleEnvelope = new() { EventId = Guid.NewGuid(), Type = ReleaseEligibleEnvelope_type.ReleaseEligible, OccurredAt = Ago(40), Data = new() { At = Ago(40) } } });
        await jail.Post(caseId, new() { WarrantServedEnvelope = new() { EventId = Guid.NewGuid(), Type = WarrantServedEnvelope_type.WarrantServed, OccurredAt = Ago(30), OfficerId = Badge,
            Data = new() { ServedAt = Ago(30), WarrantType = WarrantType.I200, InterpreterName = "Ana Ruiz" } } });
        await jail.Post(caseId, new() { CustodyTransferredToIceEnvelope = new() { EventId = Guid.NewGuid(), Type = CustodyTransferredToIceEnvelope_type.CustodyTransferredToIce, OccurredAt = Ago(20),
            Data = new() { At = Ago(20), IceOffice = "ERO San Francisco" } } });
        var closed = await jail.Post(caseId, new() { CaseClosedEnvelope = new() { EventId = Guid.NewGuid(), Type = CaseClosedEnvelope_type.CaseClosed, OccurredAt = Ago(10),
            Data = new() { ClosedAt = Ago(10), Disposition = Disposition.TransferredToIce } } });

        eligible.AppendedByCaseFlow!.Single().Type.ShouldBe("HoldStarted");
        var ct = TestContext.Current.CancellationToken;
        var summary = (await jail.Api.Cases[caseId].GetAsync(cancellationToken: ct))!;
        summary.Status.ShouldBe(CaseStatus.Closed);
        summary.NextSteps.ShouldBe(["ChargesAmended", "EventVoided", "TransferredToAgency"], ignoreOrder: true);
        var found = await jail.Api.Cases.GetAsync(q => q.QueryParameters.BookingNumber = bookingNumber, ct);
        found!.Items!.Single().Case!.Id.ShouldBe(caseId);

        var history = await auditor.Api.Cases[caseId].History.GetAsync(q => q.QueryParameters.Limit = 50, ct);
        history!.Items!.Select(e => e.Common!.Version).ShouldBe(Enumerable.Range(1, (int)closed.Version!.Value).Select(v => (long?)v));
        history.Items!.Select(e => e.HistoryEventHoldStarted).OfType<HistoryEventHoldStarted>().Single().Version.ShouldBe(eligible.Version + 1);
        var prepared = history.Items!.Select(e => e.HistoryEventDetainerPrepared).OfType<HistoryEventDetainerPrepared>().Single();
        prepared.Data!.WarrantType.ShouldBe(WarrantType.I200);
        prepared.Data.Bases.ShouldBe([ProbableCauseBasis.BiometricAndRecords]);
        prepared.Data.PreparedBy!.OfficerBadge.ShouldBe(Badge);
        prepared.Metadata!.Hash.ShouldNotBeNullOrEmpty();
        prepared.OccurredAt.ShouldNotBeNull();
        history.Items!.Select(e => e.HistoryEventCaseClosed).OfType<HistoryEventCaseClosed>().Single().Data!.Disposition.ShouldBe(Disposition.TransferredToIce);
        var integrity = await auditor.Api.Cases[caseId].Integrity.GetAsync(cancellationToken: ct);
        integrity!.Intact.ShouldBe(true);
        integrity.EventsChecked.ShouldBe((int)closed.Version!.Value);

        await app.Host.FeedHasApplied(caseId);
        var decisions = new List<FeedEntry>();
        await foreach (var entry in new CaseFlowFeedReader(jail, pageSize: 2).ReadAsync(cancellationToken: ct))
            if (entry.CaseId == caseId)
                decisions.Add(entry);
        decisions.Select(d => d.Type).ShouldBe(["DetainerLodged", "ReviewApproved", "HoldStarted", "CaseClosed"]);
        decisions.ShouldAllBe(d => d.BookingNumber == bookingNumber && d.OccurredAt != null);
        decisions[0].Decision!.CaseEventDetainerLodged!.LodgedAt.ShouldNotBeNull();
        decisions[^1].Decision!.CaseEventCaseClosed!.Disposition.ShouldBe(Disposition.TransferredToIce);

        var matches = await jail.Api.Subjects.Search.GetAsync(q => q.QueryParameters.ANumber = aNumber, ct);
        var match = matches!.Items!.Single();
        match.CaseId.ShouldBe(caseId);
        var subject = await jail.Api.Subjects[match.SubjectRef!.Value].GetAsync(cancellationToken: ct);
        subject!.Identifiers!.ANumber.ShouldBe(aNumber);
    }
}
