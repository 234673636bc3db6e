using CaseFlow.Client;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>A whole JEM case and every read of it, through the client generated from docs/openapi.json: typed calls only.</summary>
public class JemCaseThroughClientTests(AppFixture app)
{
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    private DateTimeOffset Ago(int minutes) => now.AddMinutes(-minutes);

    [Fact]
    public async Task a_jem_case_goes_from_booking_to_closure_and_reads_back_whole()
    {
        var jem = await CaseScenario.Create(app);
        var (jail, ice) = (app.Client(jem.Jail), app.Client(jem.Supervisor));
        var auditor = app.Client(app.Tokens.For(Roles.Auditor));
        var (bookingNumber, aNumber) = (Envelopes.NewBookingNumber(), $"A{Random.Shared.Next(100_000_000, 999_999_999)}");
        const string badge = CaseScenario.Badge;

        var caseId = await jail.Book(jem.Ori, bookingNumber, "JEM", now.AddHours(-3), aNumber);
        await jail.Step(caseId, "ScreeningOpened", Ago(60), badge, ("openedAt", Envelopes.Instant(Ago(60))));
        await jail.Step(caseId, "RecordsCheckCompleted", Ago(59), badge,
            ("completedAt", Envelopes.Instant(Ago(59))), ("systemsChecked", new List<object> { "IDENT", "EID" }), ("biometricMatch", true));
        await jail.Step(caseId, "InterviewConducted", Ago(58), badge, ("conductedAt", Envelopes.Instant(Ago(58))),
            ("interpreterOffered", true), ("interpreterUsed", true), ("interpreterName", "Ana Ruiz"), ("language", "es"));
        await jail.Step(caseId, "DeterminationRecorded", Ago(57), badge, ("determinedAt", Envelopes.Instant(Ago(57))), ("outcome", "Removable"));
        await jail.Step(caseId, "DetainerPrepared", Ago(56), badge,
            ("preparedAt", Envelopes.Instant(Ago(56))), ("bases", new List<object> { "BiometricAndRecords" }), ("warrantType", "I-200"));
        await ice.Step(caseId, "DetainerApproved", Ago(55), null, ("approvedAt", Envelopes.Instant(Ago(55))));
        await jail.Step(caseId, "DetainerLodged", Ago(54), badge, ("lodgedAt", Envelopes.Instant(Ago(54))));
        await jail.Step(caseId, "DetainerServedOnSubject", Ago(53), badge, ("servedAt", Envelopes.Instant(Ago(53))), ("method", "in person"));
        await jail.Step(caseId, "IceNotifiedOfDetainer", Ago(52), null, ("notifiedAt", Envelopes.Instant(Ago(52))));
        await jail.Step(caseId, "I213Prepared", Ago(51), badge, ("preparedAt", Envelopes.Instant(Ago(51))), ("documentRef", "I213-77"));
        await jail.Step(caseId, "ChargingDocumentPrepared", Ago(50), badge, ("preparedAt", Envelopes.Instant(Ago(50))),
            ("documentType", "NoticeToAppear"), ("charges", new List<object> { "212(a)(6)(A)(i)" }));
        await jail.Step(caseId, "SubmittedForReview", Ago(49), badge, ("submittedAt", Envelopes.Instant(Ago(49))), ("items", new List<object> { "I213", "ChargingDocument" }));
        await ice.Step(caseId, "ReviewApproved", Ago(48), null, ("signedAt", Envelopes.Instant(Ago(48))));
        await jail.Step(caseId, "ChargingDocumentServed", Ago(47), badge, ("servedAt", Envelopes.Instant(Ago(47))));
        var eligible = await jail.Step(caseId, "ReleaseEligible", Ago(40), null, ("at", Envelopes.Instant(Ago(40))));
        await jail.Step(caseId, "WarrantServed", Ago(30), badge, ("servedAt", Envelopes.Instant(Ago(30))), ("warrantType", "I-200"), ("interpreterName", "Ana Ruiz"));
        await jail.Step(caseId, "CustodyTransferredToIce", Ago(20), null, ("at", Envelopes.Instant(Ago(20))), ("iceOffice", "ERO San Francisco"));
        var closed = await jail.Step(caseId, "CaseClosed", Ago(10), null, ("closedAt", Envelopes.Instant(Ago(10))), ("disposition", "TransferredToIce"));

        eligible.AppendedByCaseFlow!.Single().Type.ShouldBe("HoldStarted");
        var ct = TestContext.Current.CancellationToken;
        var summary = (await jail.Api.Cases[caseId].GetAsync(cancellationToken: ct))!;
        summary.Status.ShouldBe(CaseStatus.Closed);
        summary.NextSteps.ShouldBe(["ChargesAmended", "EventVoided", "TransferredToAgency"], ignoreOrder: true);
        var found = await jail.Api.Cases.GetAsync(q => q.QueryParameters.BookingNumber = bookingNumber, ct);
        found!.Items!.Single().Case!.Id.ShouldBe(caseId);

        var history = await auditor.Api.Cases[caseId].History.GetAsync(q => q.QueryParameters.Limit = "50", ct);
        history!.Items!.Select(e => e.Version).ShouldBe(Enumerable.Range(1, (int)closed.Version!.Value).Select(v => (long?)v));
        history.Items!.Single(e => e.Type == "HoldStarted").Version.ShouldBe(eligible.Version + 1);
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

        var matches = await jail.Api.Subjects.Search.GetAsync(q => q.QueryParameters.ANumber = aNumber, ct);
        var match = matches!.Items!.Single();
        match.CaseId.ShouldBe(caseId);
        var subject = await jail.Api.Subjects[match.SubjectRef!.Value].GetAsync(cancellationToken: ct);
        subject!.Identifiers!.ANumber.ShouldBe(aNumber);
    }
}
