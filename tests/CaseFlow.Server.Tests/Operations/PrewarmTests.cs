using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Operations;

/// <summary>
/// <c>ops/prewarm</c> reads the indexes keyed by case id into PostgreSQL's buffers (docs/operations.md, "PostgreSQL's
/// memory"): every page of each; <c>--dry-run</c> reads nothing and creates no extension; a schema without one of
/// them is refused by name.
/// </summary>
public sealed class PrewarmTests(AppFixture app)
{
    private static readonly string[] CaseKeyed =
    [
        "pk_mt_events_stream_and_version", "idx_mt_events_event_id", "pkey_mt_streams_id", "pkey_mt_doc_casefile_id",
        "pkey_mt_doc_casequeuerow_id", "pkey_mt_doc_vaultedsubject_id",
    ];

    [Fact]
    public async Task it_reads_every_page_of_the_case_keyed_indexes_and_a_dry_run_reads_none()
    {
        await using var database = await OwnDatabase.Create(app, "prewarm");
        var pages = await Scalar<long>(database, $"select sum(pg_relation_size(('caseflow.' || name)::regclass) / current_setting('block_size')::int)::bigint from unnest(array['{string.Join("','", CaseKeyed)}']) name");

        var dryRun = await Prewarm(database, "--dry-run");

        dryRun.ExitCode.ShouldBe(0, dryRun.Printed);
        foreach (var index in CaseKeyed)
            dryRun.Output.ShouldContain($"caseflow.{index} ");
        dryRun.Errors.ShouldNotContain("pages into the buffers");
        (await Scalar<bool>(database, "select exists (select from pg_extension where extname = 'pg_prewarm')")).ShouldBeFalse("a dry run changes nothing");

        var run = await Prewarm(database);

        run.ExitCode.ShouldBe(0, run.Printed);
        run.Errors.ShouldContain($"read {pages} pages into the buffers");
    }

    [Fact]
    public async Task a_schema_without_one_of_the_indexes_is_refused_by_name()
    {
        await using var database = await OwnDatabase.Create(app, "prewarm_missing");
        await Scalar<object>(database, "alter table caseflow.mt_doc_vaultedsubject drop constraint pkey_mt_doc_vaultedsubject_id");

        var run = await Prewarm(database);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("no such index");
        run.Errors.ShouldContain("caseflow.pkey_mt_doc_vaultedsubject_id");
    }

    private static Task<RepositoryScript.Run> Prewarm(OwnDatabase database, params string[] options) =>
        RepositoryScript.Execute("ops/prewarm", ["--url", database.SuperuserConnectionString, .. options]);

    private static async Task<T> Scalar<T>(OwnDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.SuperuserConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
