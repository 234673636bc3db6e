using Alba;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;

namespace CaseFlow.Server.Tests.Subjects;

/// <summary>Sealing and erasure: proposed by one admin, carried out when a different admin approves, recorded on the case.</summary>
public class SubjectOrderTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
    private string Auditor => app.Tokens.For(Roles.Auditor);
    private readonly string _adminA = $"admin-a-{Guid.NewGuid():N}";
    private readonly string _adminB = $"admin-b-{Guid.NewGuid():N}";
    private string AdminA => app.Tokens.For(Roles.Admin, subject: _adminA);
    private string AdminB => app.Tokens.For(Roles.Admin, subject: _adminB);

    [Fact]
    public async Task a_sealing_order_needs_a_second_admin_and_then_withholds_the_identifiers_from_all_but_auditors()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (caseId, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(aNumber, fbiNumber));
        var before = await Summary(caseId);
        var orderId = Guid.NewGuid();

        await app.Host.Propose(Jail, subjectRef, "seal", "sealing-order", 403);
        var proposed = await (await app.Host.Propose(AdminA, subjectRef, "seal", "sealing-order", eventId: orderId)).Json();
        var proposedAgain = await app.Host.Propose(AdminA, subjectRef, "seal", "sealing-order", eventId: orderId);
        proposed["orderId"]!.GetValue<Guid>().ShouldBe(orderId);
        proposedAgain.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
        (await Read(Jail, $"/api/subjects/{subjectRef}")).ShouldContain("\"state\":\"active\"");

        var sameAdmin = await app.Host.Approve(AdminA, subjectRef, orderId, 403);
        (await sameAdmin.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:same-admin");
        await app.Host.Approve(Jail, subjectRef, orderId, 403);
        var approved = await app.Host.Approve(AdminB, subjectRef, orderId);
        var approvedAgain = await app.Host.Approve(AdminB, subjectRef, orderId);
        await app.Host.Approve(app.Tokens.For(Roles.Admin), subjectRef, orderId, 409);

        (await approved.Json())["type"]!.GetValue<string>().ShouldBe(nameof(SubjectSealed));
        approvedAgain.Context.Response.Headers[WriteResults.ReplayedHeader].ToString().ShouldBe("true");
        (await approvedAgain.Json())["version"]!.GetValue<long>().ShouldBe((await approved.Json())["version"]!.GetValue<long>());

        var asJail = await (await app.Host.GetAs(Jail, $"/api/subjects/{subjectRef}")).Json();
        asJail["state"]!.GetValue<string>().ShouldBe("sealed");
        asJail["identifiers"].ShouldBeNull();
        (await (await app.Host.GetAs(Auditor, $"/api/subjects/{subjectRef}")).Json())["identifiers"]!["aNumber"]!.GetValue<string>().ShouldBe(aNumber);
        (await Read(Jail, $"/api/subjects/search?aNumber={aNumber}")).ShouldContain("\"items\":[]");
        (await Read(Auditor, $"/api/subjects/search?aNumber={aNumber}")).ShouldContain(caseId.ToString());

        var after = await Summary(caseId);
        after.Case.SubjectState.ShouldBe(SubjectState.Sealed);
        after.Status.ShouldBe(before.Status);
        after.NextSteps.ShouldBe(before.NextSteps);
        var order = after.Case.SubjectOrders.ShouldHaveSingleItem();
        (order.ProposedBy, order.ApprovedBy, order.LegalBasis).ShouldBe((_adminA, _adminB, LegalBasis.SealingOrder));
    }

    [Fact]
    public async Task an_erasure_of_a_closed_case_destroys_the_key_material_and_leaves_the_chain_intact()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (caseId, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(aNumber, fbiNumber));
        await app.Host.Post(Jail, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("ReleasedFromLocalCustody", new { at = CaseScenario.Now(3), reason = "Bonded" }), 200);
        await app.Host.Post(Jail, $"/api/cases/{caseId}/events", Envelopes.CaseEvent("CaseClosed", new { closedAt = CaseScenario.Now(2), disposition = "ReleasedWithoutTransfer" }), 200);

        await app.Host.CarryOut(AdminA, AdminB, subjectRef, "erase", "expungement-order");

        var subject = await (await app.Host.GetAs(Auditor, $"/api/subjects/{subjectRef}")).Json();
        subject["state"]!.GetValue<string>().ShouldBe("erased");
        subject["identifiers"].ShouldBeNull();
        (await Read(Auditor, $"/api/subjects/search?aNumber={aNumber}")).ShouldContain("\"items\":[]");
        (await Read(Auditor, $"/api/subjects/search?fbiNumber={fbiNumber}")).ShouldContain("\"items\":[]");
        var integrity = await (await app.Host.GetAs(Auditor, $"/api/cases/{caseId}/integrity")).ReadAsJsonAsync<IntegrityReport>();
        integrity.Intact.ShouldBeTrue();
        integrity.EventsChecked.ShouldBe(5);
        var history = await (await app.Host.GetAs(Jail, $"/api/cases/{caseId}/history")).ReadAsTextAsync();
        history.ShouldContain(nameof(SubjectOrderProposed));
        history.ShouldContain(nameof(SubjectErased));
        history.ShouldNotContain(aNumber[1..]);
        (await Summary(caseId)).Status.ShouldBe(CaseStatus.Closed);

        await using var session = app.Store.QuerySession();
        var vaulted = (await session.LoadAsync<VaultedSubject>(subjectRef, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (vaulted.WrappedDataKey, vaulted.Ciphertext, vaulted.MasterKeyId).ShouldBe((null, null, null));
        vaulted.SearchTags.ShouldBeEmpty();
        vaulted.State.ShouldBe(SubjectState.Erased);

        var refused = await app.Host.Propose(AdminA, subjectRef, "seal", "sealing-order", 422);
        (await refused.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:subject-erased");
    }

    [Fact]
    public async Task erasures_are_listed_for_operators_in_order_with_their_legal_basis_and_deciders()
    {
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O"));
        var (_, first) = await app.Host.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, SubjectClient.NewPerson().FbiNumber));
        var (caseId, second) = await app.Host.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, SubjectClient.NewPerson().FbiNumber));
        await app.Host.CarryOut(AdminA, AdminB, first, "erase", "expungement-order");
        await app.Host.CarryOut(AdminB, AdminA, second, "erase", "retention-schedule");

        var erasures = new List<Erasure>();
        for (string? after = null; ;)
        {
            var page = await (await app.Host.GetAs(AdminA, $"/api/operations/vault/erasures?from={from}&limit=1" + (after is null ? "" : $"&after={after}")))
                .ReadAsJsonAsync<CaseFlow.Server.Platform.Page<Erasure>>();
            erasures.AddRange(page.Items);
            if ((after = page.Next) is null)
                break;
        }

        var mine = erasures.Where(e => e.SubjectRef == first || e.SubjectRef == second).ToList();
        mine.Select(e => e.SubjectRef).ShouldBe([first, second]);
        mine[1].ShouldSatisfyAllConditions(
            e => e.CaseId.ShouldBe(caseId),
            e => e.LegalBasis.ShouldBe(LegalBasis.RetentionSchedule),
            e => e.OrderReference.ShouldBe("TX-DC-2026-0042"),
            e => e.ProposedBy.ShouldBe(_adminB),
            e => e.ApprovedBy.ShouldBe(_adminA));
        await app.Host.GetAs(AdminA, "/api/operations/vault/erasures?from=yesterday", 400);
    }

    [Fact]
    public async Task a_sealed_subject_can_still_be_erased()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (caseId, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(aNumber, fbiNumber));

        await app.Host.CarryOut(AdminA, AdminB, subjectRef, "seal", "sealing-order");
        await app.Host.CarryOut(AdminB, AdminA, subjectRef, "erase", "retention-schedule");

        (await Summary(caseId)).Case.SubjectState.ShouldBe(SubjectState.Erased);
        (await (await app.Host.GetAs(Auditor, $"/api/subjects/{subjectRef}")).Json())["state"]!.GetValue<string>().ShouldBe("erased");
    }

    [Theory]
    [InlineData("seal", "expungement-order", 422, "legal-basis-mismatch")]
    [InlineData("erase", "sealing-order", 422, "legal-basis-mismatch")]
    [InlineData("shred", "sealing-order", 400, "invalid-request")]
    [InlineData("seal", "court says so", 400, "invalid-request")]
    public async Task an_order_needs_an_action_and_a_legal_basis_that_supports_it(string action, string basis, int status, string problem)
    {
        var (_, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, SubjectClient.NewPerson().FbiNumber));

        var refused = await app.Host.Propose(AdminA, subjectRef, action, basis, status);

        (await refused.ReadAsTextAsync()).ShouldContain($"urn:caseflow:problem:{problem}");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"DC-1","eventId":123}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"DC-1","eventId":"00000000-0000-0000-0000-000000000000"}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"DC\u0000","eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f"}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"<script>","eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f"}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"State v. Doe","eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f"}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"DOE-JOHN","eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f"}""")]
    [InlineData("""{"action":"seal","legalBasis":"sealing-order","orderReference":"DC-1","eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f","extra":1}""")]
    public async Task a_malformed_proposal_is_a_400_problem(string body)
    {
        var (_, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, SubjectClient.NewPerson().FbiNumber));

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl($"/api/subjects/{subjectRef}/orders");
            s.WithRequestHeader("Content-Type", "application/json");
            s.Bearer(AdminA);
            s.StatusCodeShouldBe(400);
        });

        (await result.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:");
    }

    [Fact]
    public async Task an_order_reference_may_not_hold_the_subjects_own_identifiers()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (_, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(aNumber, fbiNumber));

        foreach (var reference in new[] { $"CR-{aNumber}", $"CR-{aNumber[1..]}", $"{fbiNumber.ToLowerInvariant()}/2026" })
        {
            var refused = await app.Host.Post(AdminA, $"/api/subjects/{subjectRef}/orders",
                new { action = "seal", legalBasis = "sealing-order", orderReference = reference, eventId = Guid.NewGuid().ToString() }, 400);
            var problem = await refused.ReadAsTextAsync();
            problem.ShouldContain("orderReference");
            problem.ShouldNotContain(aNumber[1..]);
        }

        await app.Host.Propose(AdminA, subjectRef, "seal", "sealing-order");
    }

    [Fact]
    public async Task unknown_subjects_and_orders_are_not_found()
    {
        var (_, subjectRef) = await app.Host.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, SubjectClient.NewPerson().FbiNumber));

        await app.Host.Propose(AdminA, Guid.NewGuid(), "seal", "sealing-order", 404);
        await app.Host.Approve(AdminB, subjectRef, Guid.NewGuid(), 404);
        await app.Host.Approve(AdminB, Guid.NewGuid(), Guid.NewGuid(), 404);
    }

    private async Task<string> Read(string token, string url) => await (await app.Host.GetAs(token, url)).ReadAsTextAsync();

    private async Task<CaseSummary> Summary(Guid caseId) => await (await app.Host.GetAs(Jail, $"/api/cases/{caseId}")).ReadAsJsonAsync<CaseSummary>();
}
