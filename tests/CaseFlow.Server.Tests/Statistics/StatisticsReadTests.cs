using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Alba;
using CaseFlow.Domain;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Security;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using static CaseFlow.Server.Tests.Statistics.StatisticsScenario;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>Reading the statistics: who reaches which roll-up, the CSV form, the program totals of ICE's list, and nothing about a case or a person.</summary>
public class StatisticsReadTests(AppFixture app)
{
    private string Token(string role) => app.Tokens.For(role, subject: $"{role}-stats");

    [Fact]
    public async Task a_jail_reads_its_own_agency_a_supervisor_the_field_office_and_the_analysts_everything()
    {
        var scenario = await Of(app);
        var (west, east) = (scenario.West.Ori, scenario.East.Ori);
        var otherSupervisor = app.Tokens.For(Roles.Supervisor, fieldOffice: SyntheticAgencies.FieldOffice, subject: "supervisor-sfr");
        var reads = new (string Token, string Url, int Status)[]
        {
            (scenario.West.Jail, $"/api/statistics/jurisdictions/{west}", 200),
            (scenario.West.Jail, $"/api/statistics/jurisdictions/{east}", 404),
            (scenario.West.Jail, $"/api/statistics/field-offices/{FieldOffice}", 404),
            (scenario.West.Jail, $"/api/statistics/states/{Pacific.State}", 404),
            (scenario.West.Jail, "/api/statistics/national", 404),
            (scenario.Supervisor(app), $"/api/statistics/jurisdictions/{east}", 200),
            (scenario.Supervisor(app), $"/api/statistics/field-offices/{FieldOffice}", 200),
            (scenario.Supervisor(app), $"/api/statistics/field-offices/{SyntheticAgencies.FieldOffice}", 404),
            (scenario.Supervisor(app), $"/api/statistics/states/{Pacific.State}", 404),
            (scenario.Supervisor(app), "/api/statistics/national", 404),
            (otherSupervisor, $"/api/statistics/jurisdictions/{west}", 404),
            (Token(Roles.Analyst), $"/api/statistics/states/{Eastern.State}", 200),
            (Token(Roles.Auditor), $"/api/statistics/field-offices/{FieldOffice}", 200),
            (Token(Roles.Admin), "/api/statistics/national", 200),
            (Token(Roles.Analyst), "/api/statistics/states/QX", 404),
            (Token(Roles.Analyst), "/api/statistics/jurisdictions/QX0000000", 404),
        };

        foreach (var (token, url, status) in reads)
            await app.Host.GetAs(token, $"{url}?fy=2026", status);
    }

    [Fact]
    public async Task a_read_of_every_model_adds_up_each_model_s_counts()
    {
        // An agency under both models: its cells of one measure, key and month are one per model.
        var jem = await CaseScenario.Create(app, ProgramModel.JEM, alsoSigned: ProgramModel.WSO);
        var wso = new CaseScenario(app, app.Host, jem.Ori, jem.OfficerId, ProgramModel.WSO);
        var referred = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        Guid[] booked = [await jem.Book(referredAt: referred), await jem.Book(referredAt: referred), await wso.Book(referredAt: referred)];
        await app.Host.StatisticsHaveApplied(booked);

        foreach (var (model, referrals) in new[] { ("", 3), ("&model=JEM", 2), ("&model=WSO", 1) })
        {
            var answer = await Read(app, Token(Roles.Analyst), $"/api/statistics/jurisdictions/{jem.Ori}?fy=2026{model}");
            answer.Total.BookingsReferred.ShouldBe(referrals, model);
            answer.Months.Sum(m => m.BookingsReferred).ShouldBe(referrals, model);
        }
    }

    [Theory]
    [InlineData("fy=26")]
    [InlineData("fy=2026&month=2026-02")]
    [InlineData("month=2026-13")]
    [InlineData("month=Feb")]
    [InlineData("model=TFM")]
    [InlineData("position=-1")]
    public async Task a_malformed_period_is_a_validation_problem(string query)
    {
        var answer = await app.Host.GetAs(Token(Roles.Analyst), $"/api/statistics/national?{query}", 400);

        (await answer.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:invalid-request");
    }

    [Fact]
    public async Task the_csv_parses_back_to_the_same_numbers_as_the_json()
    {
        var scenario = await Of(app);
        var url = $"/api/statistics/jurisdictions/{scenario.West.Ori}?fy=2026"; // an agency no other test writes to

        var json = await Read(app, scenario.Supervisor(app), url);
        var csv = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/csv");
            s.Bearer(scenario.Supervisor(app));
        });
        var rows = Rfc4180.Parse(await csv.ReadAsTextAsync());

        rows[0].ShouldBe(["period", "figure", "key", "value"]);
        Value(rows, "", "encounterPolicy", json.EncounterPolicy.Version).ShouldBe(json.EncounterPolicy.Definition);
        int.Parse(Value(rows, "", "programTotals.agreements", "JEM"), CultureInfo.InvariantCulture).ShouldBe(json.ProgramTotals.AgreementsJem);
        long.Parse(Value(rows, "", "position", ""), CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(json.Position); // read after it
        foreach (var figures in json.Months.Append(json.Total))
        {
            foreach (var property in typeof(PeriodFigures).GetProperties().Where(p => p.Name != nameof(PeriodFigures.Period)))
            {
                var figure = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var value = property.GetValue(figures);
                if (value is IReadOnlyList<KeyCount> breakdown)
                    rows.Where(r => r[0] == figures.Period && r[1] == figure).Select(r => new KeyCount(r[2], int.Parse(r[3], CultureInfo.InvariantCulture))).ShouldBe(breakdown, figure);
                else
                    Typed(property, Value(rows, figures.Period, figure, "")).ShouldBe(value, $"{figures.Period} {figure}");
            }
        }
    }

    /// <summary>On ICE's list of 2025-07-18 (every listed agreement in force through FY2026): 117 JEM and 300 WSO, each state as listed.</summary>
    [Fact]
    public async Task the_national_program_totals_count_icEs_list_state_by_state()
    {
        var answer = await Read(app, Token(Roles.Analyst), "/api/statistics/national?fy=2026");

        IceList.ShouldBeCountedIn(answer.ProgramTotals, AgreementCatalog.Load());
        answer.ProgramTotals.AsOfMonth.ShouldBe("2026-09");
    }

    /// <summary>The agreements are kept in memory between reads (CurrentAgreements): an agreement event is in the next answer.</summary>
    [Fact]
    public async Task the_program_totals_follow_an_agreement_event_at_once()
    {
        var ori = await SyntheticAgencies.Sign(app.Store, ProgramModel.JEM);
        var url = $"/api/statistics/jurisdictions/{ori}?fy={StatisticsCalendar.FiscalYearOf(DateOnly.FromDateTime(DateTime.UtcNow))}";
        (await Read(app, Token(Roles.Analyst), url)).ProgramTotals.AgreementsJem.ShouldBe(1);

        await app.Host.Post(Token(Roles.Admin), $"/api/agreements/{ori}/JEM/events",
            GovernanceClient.Envelope("AgreementSuspended", new { effectiveAt = Envelopes.Instant(DateTimeOffset.UtcNow.AddHours(-1)), reason = "serious misconduct" }), 200);

        (await Read(app, Token(Roles.Analyst), url)).ProgramTotals.AgreementsJem.ShouldBe(0);
    }

    [Fact]
    public async Task no_case_id_booking_number_or_officer_appears_in_any_answer()
    {
        var scenario = await Of(app);
        var texts = new List<string>();
        foreach (var url in new[] { $"/api/statistics/jurisdictions/{scenario.West.Ori}", $"/api/statistics/field-offices/{FieldOffice}", $"/api/statistics/states/{Eastern.State}" })
        {
            texts.Add(await (await app.Host.GetAs(Token(Roles.Auditor), $"{url}?fy=2026")).ReadAsTextAsync());
            texts.Add(await (await app.Host.Scenario(s =>
            {
                s.Get.Url($"{url}?fy=2026");
                s.WithRequestHeader("Accept", "text/csv");
                s.Bearer(Token(Roles.Auditor));
            })).ReadAsTextAsync());
        }

        foreach (var text in texts)
        {
            foreach (var caseId in scenario.Cases)
            {
                text.ShouldNotContain(caseId.ToString(), Case.Insensitive);
                text.ShouldNotContain(caseId.ToString("N"), Case.Insensitive);
            }

            text.ShouldNotContain(scenario.West.OfficerId.ToString(), Case.Insensitive);
            text.ShouldNotContain(CaseScenario.Badge);
            text.ShouldNotContain("T-"); // booking numbers of the tests' bookings
        }
    }

    private static object? Typed(PropertyInfo property, string text)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return text == "" ? null
            : type == typeof(int) ? int.Parse(text, CultureInfo.InvariantCulture)
            : type == typeof(decimal) ? decimal.Parse(text, CultureInfo.InvariantCulture)
            : type == typeof(TimeSpan) ? TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture)
            : text;
    }

    private static string Value(List<string[]> rows, string period, string figure, string key) =>
        rows.Single(r => r[0] == period && r[1] == figure && r[2] == key)[3];
}
