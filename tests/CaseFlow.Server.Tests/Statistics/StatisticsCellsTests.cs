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
/// The statistics' cells (ops/migrations/0004-statistics-cells.sql) follow the fact rows in the projection's own
/// transaction: a fact counts in its agency's cell and the program's, a void takes it out again and an emptied cell is
/// gone, durations are kept to the minute, and at any moment the cells are exactly a count of the rows made from scratch.
/// A transaction's changes are applied at its commit (ops/migrations/0006-statistics-cells-at-commit.sql), which refuses
/// to leave a cell below zero, from the rows it staged whole (0007-statistics-staged-by-row.sql), which no other
/// transaction ever sees.
/// </summary>
public class StatisticsCellsTests(AppFixture app)
{
    private static readonly SyntheticPlace Place = new("ZC", "ZZC", "America/Chicago");

    [Fact]
    public async Task a_fact_counts_at_its_agency_and_the_program_a_void_takes_it_out_and_durations_are_kept_to_the_minute()
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
        (await Cell(scenario.Ori, Measures.CitizenshipClaimsResolved)).ShouldBe([(fiscalYear, monthName, "NotSubstantiated", true, 90, 1)]);
        (await Cell(scenario.Ori, Measures.BookingsScreened)).Count.ShouldBe(1);
        (await Cell("", Measures.BookingsScreened)).Sum(c => c.Facts).ShouldBeGreaterThanOrEqualTo(1);

        var analyst = app.Tokens.For(Roles.Analyst, subject: "analyst-cells");
        var answer = await StatisticsScenario.Read(app, analyst, $"/api/statistics/jurisdictions/{scenario.Ori}?month={monthName}");
        (answer.Total.ClaimResolutionMedian, answer.Total.ClaimResolutionP90).ShouldBe((TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(90)));

        await scenario.Post(caseId, "EventVoided", new { voidedEventId = screening.EventId, reason = "Opened on the wrong booking." }, officer: null);
        await app.Host.StatisticsHaveApplied(caseId);
        (await Cell(scenario.Ori, Measures.BookingsScreened)).ShouldBeEmpty("an emptied cell is removed, not kept at zero");
        (await Cell(scenario.Ori, Measures.CitizenshipClaimsResolved)).Count.ShouldBe(1);
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
                new("delete from caseflow.mt_doc_casestatisticsrow where id = $1") { Parameters = { new() { Value = caseId } } },
            },
        };
        await batch.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        var refused = await Should.ThrowAsync<PostgresException>(() => transaction.CommitAsync(TestContext.Current.CancellationToken));

        refused.MessageText.ShouldContain("counts fewer facts than its rows take away");
        (await Cell(scenario.Ori, Measures.BookingsReferred)).ShouldBe(referred);
        (await CellsApart(app.Host.DocumentStore())).ShouldBe(0);
    }

    private async Task<List<(int FiscalYear, string Month, string Key, bool Timed, int Minutes, int Facts)>> Cell(string scope, string measure)
    {
        await using var connection = app.Host.DocumentStore().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "select fiscal_year, month, key, timed, minutes, facts from caseflow.statistics_cells where scope = @scope and measure = @measure", connection)
        {
            Parameters = { new("scope", scope), new("measure", measure) },
        };
        var cells = new List<(int, string, string, bool, int, int)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            cells.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4), reader.GetInt32(5)));
        return cells;
    }

    /// <summary>
    /// How many cells of the store differ, either way, from a count of its fact rows made from scratch (the migration's
    /// view <c>statistics_cells_apart</c>): none when the triggers kept them exactly. One statement, so one snapshot:
    /// true at any moment, whatever else is being written.
    /// </summary>
    public static Task<int> CellsApart(IDocumentStore store) => Scalar<int>(store, "select count(*)::int from caseflow.statistics_cells_apart");

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
