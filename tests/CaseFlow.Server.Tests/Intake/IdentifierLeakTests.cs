using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>
/// A case is driven with marker values for every identifier — accepted and refused requests alike, searches by
/// A-number and FBI number (the identifier travels in the query string) and a read of the subject — and then every
/// log record, span and problem body of the host, every row of every table in the database (the vault's included:
/// it holds only ciphertext and keyed hashes) and PostgreSQL's own log are searched for them.
/// </summary>
public class IdentifierLeakTests(AppFixture app)
{
    [Fact]
    public async Task no_identifier_appears_in_logs_spans_problems_or_any_table()
    {
        var marker = $"Zq{Guid.NewGuid():N}"[..14];
        var aNumber = $"A{Random.Shared.Next(100_000_000, 999_999_999)}";
        var fbiNumber = $"F{Random.Shared.Next(10_000_000, 99_999_999)}";
        var stateId = $"SID-{marker}";
        var subject = new { name = new { given = $"{marker}Given", family = $"{marker}Family", middle = $"{marker}Middle" }, dateOfBirth = "1987-06-05", aNumber, fbiNumber, stateId };
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var bookingNumber = Envelopes.NewBookingNumber();

        var caseId = await app.Host.StartCaseWith(jail, Envelopes.Booking(bookingNumber, subject: subject));
        await app.Host.PostCaseEvent(jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)));
        var problems = new List<string>();
        foreach (var refused in RefusedBookings(subject, marker))
            problems.Add(await (await app.Host.PostBooking(jail, refused, 400)).ReadAsTextAsync());

        foreach (var search in new[] { $"aNumber={aNumber}", $"fbiNumber={fbiNumber}" })
            (await (await app.Host.GetAs(jail, $"/api/subjects/search?{search}")).ReadAsTextAsync()).ShouldContain(caseId.ToString());
        problems.Add(await (await app.Host.GetAs(jail, $"/api/subjects/search?aNumber={marker}", 400)).ReadAsTextAsync());
        var read = await (await app.Host.GetAs(jail, $"/api/subjects/{CaseFlow.Domain.Cases.CaseId.SubjectRefFor(caseId)}")).ReadAsTextAsync();
        read.ShouldContain(stateId, customMessage: "the subject read must have decrypted the identifiers");

        var everywhere = string.Join('\n', [app.Telemetry.Text, .. problems, await EveryTable(), await PostgresLog()]);

        everywhere.ShouldContain(app.Host.Services.GetRequiredService<SubjectVault>().ANumberTag(aNumber), customMessage: "the search must cover the vault's table");
        app.Telemetry.Text.ShouldContain("/api/subjects/search", customMessage: "the search must cover the spans and logs of the subject searches");
        everywhere.ShouldContain(bookingNumber, customMessage: "the search must cover the case's events");
        app.Telemetry.Text.ShouldContain(caseId.ToString(), customMessage: "the search must cover the spans and logs of the requests");
        foreach (var identifier in new[] { marker, aNumber, aNumber[1..], fbiNumber, stateId, "1987-06-05" })
            everywhere.ShouldNotContain(identifier, Case.Insensitive);
    }

    [Fact]
    public async Task with_tracing_on_a_searchs_span_carries_its_query_redacted()
    {
        var marker = $"A{Random.Shared.Next(100_000_000, 999_999_999)}";
        await using var traced = await app.StartNode(x => x.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));

        await traced.GetAs(app.Tokens.For(Roles.Auditor), $"/api/subjects/search?aNumber={marker}");

        // The request's span ends after its answer is written, so wait for it.
        for (var waited = 0; waited < 50 && !app.Telemetry.Text.Contains("url.query=?aNumber=Redacted", StringComparison.Ordinal); waited++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        app.Telemetry.Text.ShouldContain("url.query=?aNumber=Redacted", customMessage: "OpenTelemetry's ASP.NET Core instrumentation redacts query values");
        app.Telemetry.Text.ShouldNotContain(marker[1..]);
    }

    /// <summary>Bookings refused for a bad identifier, each carrying the others.</summary>
    private static IEnumerable<Dictionary<string, object?>> RefusedBookings(object subject, string marker)
    {
        yield return Envelopes.Booking(Envelopes.NewBookingNumber(), subject: new { name = new { given = $"{marker}Given", family = $"{marker}Family" }, dateOfBirth = $"{marker}-06-05" });
        yield return Envelopes.Booking(Envelopes.NewBookingNumber(), subject: new { name = new { given = $"{marker}Given", family = $"{marker}Family" }, dateOfBirth = "1987-06-05", aNumber = $"A{marker}" });
        var tooLong = Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject);
        tooLong["eventId"] = marker;
        yield return tooLong;
    }

    /// <summary>The database server's own log (errors with their details and statements), as <c>./ops/test</c> names it.</summary>
    private static async Task<string> PostgresLog()
    {
        var path = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_LOG")
            ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_LOG is not set: run the tests with ./ops/test.");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        text.ShouldNotBeEmpty();
        return text;
    }

    private static async Task<string> EveryTable()
    {
        var tables = await Query("""
            select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
            where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'
            """);
        var text = new List<string>();
        foreach (var table in tables)
            text.AddRange(await Query($"select t::text from {table} t"));
        return string.Join('\n', text);
    }

    private static async Task<List<string>> Query(string sql)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            rows.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return rows;
    }
}
