using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;
using CaseFlow.Domain.Reports;
using CaseFlow.Domain.Reports.Disclosure;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Reports.ReportScenario;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// The public variant (<c>released?variant=public</c>, docs/disclosure.md): made at the approval and stored with the
/// release, read by every role; the hand-built May 2025 counts fewer than 5 in every cell, so every count is null (a
/// change no greater than zero may show: April is not released, so it bounds May from no side).
/// </summary>
public class PublicVariantTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task every_role_reads_the_public_variant_stored_at_the_approval_with_every_small_figure_suppressed()
    {
        await ReportScenario.Of(app);
        var version = await Release(app, Month);
        var url = $"/api/reports/monthly/{Month}/released?version={version}&variant=public";
        var released = JsonSerializer.Deserialize<MonthlyReport>(await (await Read(app, $"/api/reports/monthly/{Month}/released?version={version}")).ReadAsTextAsync(), Json)!;

        var answer = await Read(app, url);
        var text = await answer.ReadAsTextAsync();
        answer.Context.Response.Headers.ETag.ToString().ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}\"");
        var shown = JsonSerializer.Deserialize<PublicMonthlyReport>(text, Json)!;
        shown.Month.ShouldBe(Month);
        shown.Version.ShouldBe(version);
        shown.Disclosure.Threshold.ShouldBe(5);
        released.Agencies.Select(a => a.Key).ShouldBeSubsetOf(shown.Agencies.Select(a => a.Key), "rows an earlier public release listed stay listed too");
        released.Agencies.SelectMany(a => a.Figures).ShouldAllBe(f => f.Month < 5 && f.FiscalYearToDate < 5, "the hand-built month is small everywhere");
        shown.National.Concat(shown.States.SelectMany(s => s.Figures)).Concat(shown.Agencies.SelectMany(a => a.Figures))
            .ShouldAllBe(f => f.Month == null && f.FiscalYearToDate == null && (f.ChangeFromPreviousMonth == null || f.ChangeFromPreviousMonth <= 0));
        shown.ProgramTotals.EncountersFiscalYearToDate.ShouldBeNull();
        shown.ProgramTotals.AgreementsJem.ShouldBe(released.ProgramTotals.AgreementsJem, "agreements are public, never suppressed");

        var readers = new[]
        {
            app.Tokens.For(Roles.ScreeningSystem, ori: "TX0790000", subject: "jail-public-variant"),
            app.Tokens.For(Roles.Supervisor, fieldOffice: "HOU", subject: "supervisor-public-variant"),
            app.Tokens.For(Roles.Auditor, subject: "auditor-public-variant"),
            app.Tokens.For(Roles.Admin, subject: "admin-public-variant-reader"),
        };
        foreach (var reader in readers)
            (await (await Read(app, url, token: reader)).ReadAsTextAsync()).ShouldBe(text);
        await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("If-None-Match", answer.Context.Response.Headers.ETag.ToString());
            s.Bearer(readers[0]);
            s.StatusCodeShouldBe(304);
        });
    }

    [Fact]
    public async Task the_public_variant_is_of_releases_only_and_answered_as_json_only()
    {
        (await (await Read(app, "/api/reports/monthly/2025-05?variant=public", status: 400)).ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:invalid-request");
        (await (await Read(app, "/api/reports/monthly/2025-05/released?variant=public&table=states", "text/csv", status: 400)).ReadAsTextAsync())
            .ShouldContain("answered as JSON only");
        (await (await Read(app, "/api/reports/monthly/2025-05/released.html?variant=public", "*/*", status: 400)).ReadAsTextAsync())
            .ShouldContain("answered as JSON only");
        await Read(app, "/api/reports/monthly/2019-01/released?variant=public", status: 404);
    }
}
