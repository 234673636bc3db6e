using Alba;
using CaseFlow.Domain.Statistics;
using CaseFlow.Server.Security;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// The statistics' cells (ops/migrations/0004-statistics-cells.sql) and durations (0009-statistics-durations-bounded.sql)
/// follow the fact rows in the projection's own transaction: a fact counts in the cells of its agency, its field office,
/// its state (0010-statistics-roll-up-scopes.sql) and the program, a timed one in a duration bucket of each too, a void takes it out again and an emptied cell is gone, durations are
/// kept to the minute under 128 minutes and to a 64th of a doubling above, and at any moment both are exactly a count
/// of the rows made from scratch. A transaction's changes are applied at its commit
/// (ops/migrations/0006-statistics-cells-at-commit.sql), which refuses to leave a cell below zero, from the rows it
/// staged whole (0007-statistics-staged-by-row.sql), which no other transaction ever sees.
/// </summary>
public class StatisticsCellsTests(AppFixture app)
{
    private static readonly SyntheticPlace Place = new("ZC", "ZZC", "America/Chicago");

    [Fact]
    public async Task a_fact_counts_at_its_agency_and_the_program_a_void_takes_it_out_and_short_durations_are_kept_to_the_minute()
    {
        var scenario = await CaseScenario.Create(app, place: Place);
        var caseId = await scenario.Book();
        var asserted = DateTimeOffset.UtcNow.AddMinutes(-170);
        var screening = await (await scenario.Post(caseId, "ScreeningOpened", new { openedAt = CaseScenario.Now(175) })).ReadAsJsonAsync<AppendResult>();
        await scenario.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Envelopes.Instant(asserted), how = "Interview" }, officer: null);
        await scenario.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Envelopes.Instant(asserted.AddMinutes(20)), reportedTo = "ERO duty officer" }, officer: null);
        var resolved = asserted.AddMinutes(90).AddSeconds(45);
        await scenario.Decide(caseId, "CitizenshipClaimResolved", new { resolvedAt = Envelopes.Instant(resolved), outcome = "NotSubstantiated" });
        await app.Host.StatisticsHaveApplied(caseId);

        var month = StatisticsCalendar.MonthOf(resolved, Place.TimeZone);
        var (fiscalYear, monthName) = (StatisticsCalendar.FiscalYearOf(month), StatisticsCalendar.Name(month));
        (await Cell(scenario.Ori, Measures.CitizenshipClaimsResolved)).ShouldBe([(fiscalYear, monthName, "NotSubstantiated", 1)]);
        (await Durations(scenario.Ori, Measures.CitizenshipClaimsResolved)).ShouldBe([(fiscalYear, monthName, 90, 1)]);
        (await Durations(scenario.Ori, Measures.BookingsScreened)).ShouldBeEmpty("a fact without a duration is counted, not timed");
        foreach (var rollUp in new[] { $"field-office:{Place.FieldOffice}", $"state:{Place.State}" })
        {
            (await Cell(rollUp, Measures.BookingsScreened)).ShouldNotBeEmpty($"{rollUp} counts its agencies' facts");
            (await Durations(rollUp, Measures.CitizenshipClaimsResolved)).ShouldContain(d => d.Month == monthName && d.Minutes == 90, $"{rollUp} holds its agencies' durations");
        }
        (await Cell(scenario.Ori, Measures.BookingsScreened)).Count.ShouldBe(1);
        (await Cell("", Measures.BookingsScreened)).Sum(c => c.Facts).ShouldBeGreaterThanOrEqualTo(1);

        var analyst = app.Tokens.For(Roles.Analyst, subject: "analyst-cells");
        var answer = await StatisticsScenario.Read(app, analyst, $"/api/statistics/jurisdictions/{scenario.Ori}?month={monthName}");
        (answer.Total.ClaimResolutionMedian, answer.Total.ClaimResolutionP90).ShouldBe((TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(90)));

        await scenario.Post(caseId, "EventVoided", new { voidedEventId = screening.EventId, reason = "Opened on the wrong booking." }, officer: null);
        await app.Host.StatisticsHaveApplied(caseId);
        (await Cell(scenario.Ori, Measures.BookingsScreened)).ShouldBeEmpty("an emptied cell is removed, not kept at zero");
        (await Cell(scenario.Ori, Measures.CitizenshipClaimsResolved)).Count.ShouldBe(1);
        (await Durations(scenario.Ori, Measures.CitizenshipClaimsResolved)).Count.ShouldBe(1);
        (await CellsApart(app.Host.DocumentStore())).ShouldBe(0);
        (await StagedRowsSeen(app.Host.DocumentStore())).ShouldBe(0, "a transaction's staged rows are its own and gone at its commit");
    }

    [Fact]
    public async Task a_transaction_that_would_leave_a_cell_below_zero_is_refused_at_its_commit_and_changes_nothing()
    {
        var scenario = await CaseScenario.Create(app, place: Place);
        var caseId = await scenario.Book();
        await app.Host.StatisticsHaveApplied(caseId);
        var referred = await Cell(scenario.Ori, Measures.BookingsReferred);
        referred.Sum(c => c.Facts).ShouldBe(1);

        // The cell emptied by hand, then the row whose fact it counted deleted: the commit applies the row's -1.
        await using var connection = app.Host.DocumentStore().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("update caseflow.statistics_cells set facts = 0 where scope = $1 and measure = $2") { Parameters = { new() { Value = scenario.Ori }, new() { Value = Measures.BookingsReferred } } },
                new("delete from caseflow.mt_doc_casequeuerow where id = $1") { Parameters = { new() { Value = caseId } } },
            },
        };
        await batch.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        var refused = await Should.ThrowAsync<PostgresException>(() => transaction.CommitAsync(TestContext.Current.CancellationToken));

        refused.MessageText.ShouldContain("counts fewer facts than its rows take away");
        (await Cell(scenario.Ori, Measures.BookingsReferred)).ShouldBe(referred);
        (await CellsApart(app.Host.DocumentStore())).ShouldBe(0);
    }

    [Fact]
    public async Task a_long_duration_is_kept_in_its_bucket_and_read_as_the_bucket_s_first_minute()
    {
        var scenario = await CaseScenario.Create(app, place: Place);
        var caseId = await scenario.Book(referredAt: DateTimeOffset.UtcNow.AddMinutes(-1110));
        var asserted = DateTimeOffset.UtcNow.AddMinutes(-1100);
        await scenario.Post(caseId, "ScreeningOpened", new { openedAt = CaseScenario.Now(1105) });
        await scenario.Post(caseId, "CitizenshipClaimAsserted", new { assertedAt = Envelopes.Instant(asserted), how = "Interview" }, officer: null);
        await scenario.Post(caseId, "CitizenshipClaimReported", new { reportedAt = Envelopes.Instant(asserted.AddMinutes(20)), reportedTo = "ERO duty officer" }, officer: null);
        var resolved = asserted.AddMinutes(1005);
        await scenario.Decide(caseId, "CitizenshipClaimResolved", new { resolvedAt = Envelopes.Instant(resolved), outcome = "NotSubstantiated" });
        await app.Host.StatisticsHaveApplied(caseId);

        // 1,005 minutes lie in [512, 1024), whose buckets are 8 minutes wide: the bucket of 1,000 to 1,007.
        var month = StatisticsCalendar.MonthOf(resolved, Place.TimeZone);
        (await Durations(scenario.Ori, Measures.CitizenshipClaimsResolved)).ShouldBe([(StatisticsCalendar.FiscalYearOf(month), StatisticsCalendar.Name(month), 1000, 1)]);
        var analyst = app.Tokens.For(Roles.Analyst, subject: "analyst-cells");
        var answer = await StatisticsScenario.Read(app, analyst, $"/api/statistics/jurisdictions/{scenario.Ori}?month={StatisticsCalendar.Name(month)}");
        (answer.Total.ClaimResolutionMedian, answer.Total.ClaimResolutionP90).ShouldBe((TimeSpan.FromMinutes(1000), TimeSpan.FromMinutes(1000)));
    }

    [Fact]
    public async Task a_bucket_holds_its_own_minute_under_128_minutes_and_lies_within_a_64th_below_it_above()
    {
        // Every minute from -100 to 2^20 (two years) and every power of two and its neighbours up to 2^30.
        var violations = await Scalar<long>(app.Host.DocumentStore(),
            """
            with minutes as (
                select m from generate_series(-100, 1048576) m
                union select (1 << k) + d from generate_series(7, 30) k, generate_series(-1, 1) d),
            buckets as (select m, caseflow.statistics_minutes_bucket(m) b from minutes)
            select count(*) from buckets
            where (m < 128 and b <> m) or (m >= 128 and (b > m or (m - b) * 64 >= m))
            """);
        violations.ShouldBe(0L);
        var doublingsNotIn64 = await Scalar<long>(app.Host.DocumentStore(),
            """
            select count(*) from (
                select k, count(distinct caseflow.statistics_minutes_bucket(m)) n
                from generate_series(7, 19) k cross join lateral generate_series(1 << k, (1 << (k + 1)) - 1) m group by k) d
            where n <> 64
            """);
        doublingsNotIn64.ShouldBe(0L, "every doubling from 128 minutes on has 64 buckets");
        var ordered = await Scalar<long>(app.Host.DocumentStore(),
            "select count(*) from generate_series(-100, 1048575) m where caseflow.statistics_minutes_bucket(m + 1) < caseflow.statistics_minutes_bucket(m)");
        ordered.ShouldBe(0L, "a longer duration never falls in an earlier bucket");
    }

    private async Task<List<(int FiscalYear, string Month, string Key, int Facts)>> Cell(string scope, string measure) =>
        await Rows(
            "select fiscal_year, month, key, facts from caseflow.statistics_cells where scope = @scope and measure = @measure", scope, measure,
            r => (r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));

    private async Task<List<(int FiscalYear, string Month, int Minutes, int Facts)>> Durations(string scope, string measure) =>
        await Rows(
            "select fiscal_year, month, minutes, facts from caseflow.statistics_durations where scope = @scope and measure = @measure", scope, measure,
            r => (r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)));

    private async Task<List<T>> Rows<T>(string sql, string scope, string measure, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = app.Host.DocumentStore().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("scope", scope), new("measure", measure) } };
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>
    /// How many cells and duration buckets of the store differ, either way, from a count of its fact rows made from
    /// scratch (the migration's views <c>statistics_cells_apart</c> and <c>statistics_durations_apart</c>): none when the
    /// triggers kept them exactly. One statement, so one snapshot: true at any moment, whatever else is being written.
    /// </summary>
    public static Task<int> CellsApart(IDocumentStore store) => Scalar<int>(store,
        "select ((select count(*) from caseflow.statistics_cells_apart) + (select count(*) from caseflow.statistics_durations_apart))::int");

    /// <summary>
    /// The staged rows another session sees: none at any moment, since each transaction deletes its own lines at its
    /// commit and nobody sees a transaction's lines before it. Lines left behind would never be counted, but the table
    /// would grow for ever.
    /// </summary>
    private static Task<long> StagedRowsSeen(IDocumentStore store) => Scalar<long>(store, "select count(*) from caseflow.statistics_row_changes");

    private static async Task<T> Scalar<T>(IDocumentStore store, string sql)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
