using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Subjects;

/// <summary>Finding a person's earlier cases by a keyed hash of an identifier, and reading the identifiers, within the caller's scope.</summary>
public class SubjectSearchTests(AppFixture app)
{
    private string FortBend => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
    private string Aransas => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.Aransas);

    [Fact]
    public async Task a_search_finds_the_persons_cases_the_caller_may_see_and_answers_no_identifier()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var first = await app.Host.Book(FortBend, SubjectClient.Subject(aNumber, fbiNumber));
        var second = await app.Host.Book(FortBend, SubjectClient.Subject(aNumber, fbiNumber, family: "Other-Spelling"));
        var elsewhere = await app.Host.Book(Aransas, SubjectClient.Subject(aNumber, fbiNumber));

        // The same A-number in another written form, and the FBI number in lower case, find the same person.
        var byANumber = await app.Host.GetAs(FortBend, $"/api/subjects/search?aNumber=a-{aNumber[1..]}");
        var byFbiNumber = await app.Host.GetAs(FortBend, $"/api/subjects/search?fbiNumber={fbiNumber.ToLowerInvariant()}");
        var asAuditor = await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/subjects/search?aNumber={aNumber}")).Json();
        var asSupervisor = await (await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), $"/api/subjects/search?aNumber={aNumber}")).Json();
        var asAransas = await (await app.Host.GetAs(Aransas, $"/api/subjects/search?aNumber={aNumber}")).Json();
        var byBody = await (await app.Host.Post(FortBend, "/api/subjects/search", new { fbiNumber }, 200)).Json();

        var text = await byANumber.ReadAsTextAsync();
        CaseIds(await byANumber.Json()).ShouldBe([first.CaseId, second.CaseId], ignoreOrder: true);
        CaseIds(await byFbiNumber.Json()).ShouldBe([first.CaseId, second.CaseId], ignoreOrder: true);
        CaseIds(asAuditor).ShouldBe([first.CaseId, second.CaseId, elsewhere.CaseId], ignoreOrder: true);
        CaseIds(asSupervisor).ShouldBe([first.CaseId, second.CaseId], ignoreOrder: true);
        CaseIds(asAransas).ShouldBe([elsewhere.CaseId]);
        CaseIds(byBody).ShouldBe([first.CaseId, second.CaseId], ignoreOrder: true);
        text.ShouldContain(first.SubjectRef.ToString());
        text.ShouldContain("\"caseStatus\":\"Booked\"");
        foreach (var identifier in new[] { aNumber[1..], fbiNumber, "Alex", "Example", "1990-02-03" })
            text.ShouldNotContain(identifier, Case.Insensitive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?aNumber=Zq-secret-123")]
    [InlineData("?fbiNumber=Zq-secret-123")]
    [InlineData("?aNumber=")]
    [InlineData("?aNumber=A012345678&fbiNumber=Zqsecret1")]
    public async Task a_missing_or_malformed_identifier_is_a_problem_that_does_not_echo_it(string query)
    {
        var result = await app.Host.GetAs(FortBend, $"/api/subjects/search{query}", 400);

        var problem = await result.ReadAsTextAsync();
        problem.ShouldContain("urn:caseflow:problem:invalid-request");
        problem.ShouldNotContain("Zq", Case.Insensitive);
        problem.ShouldNotContain("012345678");
    }

    [Fact]
    public async Task the_identifiers_are_read_decrypted_by_callers_who_see_the_case_and_by_nobody_else()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (caseId, subjectRef) = await app.Host.Book(FortBend, SubjectClient.Subject(aNumber, fbiNumber));

        foreach (var reader in new[] { FortBend, app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU"), app.Tokens.For(Roles.Auditor) })
        {
            var subject = await (await app.Host.GetAs(reader, $"/api/subjects/{subjectRef}")).Json();
            subject["state"]!.GetValue<string>().ShouldBe("active");
            subject["caseId"]!.GetValue<Guid>().ShouldBe(caseId);
            subject["identifiers"]!["aNumber"]!.GetValue<string>().ShouldBe(aNumber);
            subject["identifiers"]!["fbiNumber"]!.GetValue<string>().ShouldBe(fbiNumber);
            subject["identifiers"]!["dateOfBirth"]!.GetValue<string>().ShouldBe("1990-02-03");
        }

        await app.Host.GetAs(Aransas, $"/api/subjects/{subjectRef}", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Supervisor, fieldOffice: "MIA"), $"/api/subjects/{subjectRef}", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Analyst), $"/api/subjects/{subjectRef}", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Admin), $"/api/subjects/{subjectRef}", 403);
        await app.Host.GetAs(FortBend, $"/api/subjects/{Guid.NewGuid()}", 404);
    }

    private static List<Guid> CaseIds(System.Text.Json.Nodes.JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<Guid>()).ToList();
}
