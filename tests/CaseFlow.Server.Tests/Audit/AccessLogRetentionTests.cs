using CaseFlow.Server.Audit;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Audit;

/// <summary>
/// The access log over years: records land in the partition of their month (the default one when their month was not
/// prepared), and <c>ops/expire-access-log</c> moves the months past retention out whole, into an archive, with a
/// record of its own, and refuses a retention under the CJIS minimum of a year.
/// </summary>
public sealed class AccessLogRetentionTests(AppFixture app)
{
    private static readonly string Columns = $"({AccessLogTable.Columns}) values ($1, 'auditor-1', 'auditor', '', 'case:x', null, 'read', 'allowed', 'test', '')";

    [Fact]
    public async Task a_record_lands_in_its_months_partition_and_a_month_not_prepared_in_the_default_one()
    {
        await using var database = await OwnDatabase.Create(app, "access_partitions");
        await using var connection = await Open(database.ConnectionString);

        (await Scalar<int>(connection, "select caseflow_audit.ensure_partitions($1, $2)", At(2030, 1), At(2030, 3))).ShouldBe(3);
        (await Scalar<int>(connection, "select caseflow_audit.ensure_partitions($1, $2)", At(2030, 1), At(2030, 3))).ShouldBe(0, "made once");

        (await PartitionOf(connection, At(2030, 2))).ShouldBe("caseflow_audit.access_log_2030_02");
        (await PartitionOf(connection, At(2035, 6))).ShouldBe("caseflow_audit.access_log_default");
        (await Scalar<int>(connection, "select caseflow_audit.ensure_partitions($1, $1)", At(2035, 6))).ShouldBe(0, "the default partition keeps the month it holds records of");
    }

    [Fact]
    public async Task months_past_retention_are_archived_dropped_and_recorded_and_a_retention_under_a_year_is_refused()
    {
        await using var database = await OwnDatabase.Create(app, "access_expiry");
        var archive = Directory.CreateTempSubdirectory("caseflow-access-archive-").FullName;
        await using var connection = await Open(database.ConnectionString);
        var now = DateTimeOffset.UtcNow;
        var expiredMonth = new DateTimeOffset(now.Year, now.Month, 15, 0, 0, 0, TimeSpan.Zero).AddMonths(-30);
        await Scalar<int>(connection, "select caseflow_audit.ensure_partitions($1, $1)", expiredMonth);
        await Insert(connection, expiredMonth);
        await Insert(connection, expiredMonth.AddMonths(-10));
        await Insert(connection, now);
        var partition = $"access_log_{expiredMonth:yyyy_MM}";

        var refused = await Expire(database, archive, retentionMonths: 11);
        refused.ExitCode.ShouldNotBe(0);
        refused.Errors.ShouldContain("CJIS Security Policy 5.4.7");
        (await Scalar<long>(connection, $"select count(*) from {AccessLogTable.Name}")).ShouldBe(3, "a refused run moves nothing");

        var run = await Expire(database, archive, retentionMonths: 12);

        run.ExitCode.ShouldBe(0, run.Printed);
        (await Scalar<long>(connection, $"select count(*) from {AccessLogTable.Name} where action <> 'access-log-expired'")).ShouldBe(1, "only this month's record stays");
        (await Scalar<bool>(connection, $"select to_regclass('caseflow_audit.{partition}') is null")).ShouldBeTrue();
        var archived = Path.Combine(archive, $"{partition}.csv.gz");
        File.Exists(archived).ShouldBeTrue();
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(archived, TestContext.Current.CancellationToken)));
        (await Scalar<string>(connection, $"select outcome from {AccessLogTable.Name} where action = 'access-log-expired' and record = 'access-log:{expiredMonth:yyyy-MM}'"))
            .ShouldBe($"moved-out:1:sha256:{digest}");
        Directory.GetFiles(archive, "access_log_default-before-*.csv.gz").ShouldHaveSingleItem("the older record, in the default partition, went too");
        Directory.Delete(archive, recursive: true);
    }

    private static DateTimeOffset At(int year, int month) => new(year, month, 10, 12, 0, 0, TimeSpan.Zero);

    private static Task<RepositoryScript.Run> Expire(OwnDatabase database, string archive, int retentionMonths) =>
        RepositoryScript.Execute("ops/expire-access-log",
            ["--url", database.SuperuserConnectionString, "--retention-months", retentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture), "--archive", archive],
            new Dictionary<string, string> { ["CASEFLOW_OPERATOR"] = "test-operator" });

    private static async Task<NpgsqlConnection> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static Task Insert(NpgsqlConnection connection, DateTimeOffset at) =>
        Scalar<object>(connection, $"insert into {AccessLogTable.Name} {Columns}", at);

    private static Task<string> PartitionOf(NpgsqlConnection connection, DateTimeOffset at) =>
        Scalar<string>(connection, $"insert into {AccessLogTable.Name} {Columns} returning tableoid::regclass::text", at);

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, params DateTimeOffset[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
