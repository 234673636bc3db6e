using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>
/// A whole JEM case and a whole WSO case are driven with marker values for every identifier — accepted and refused
/// requests alike, tokens refused for a claim holding one (headers and body of the answer searched), searches by
/// A-number and FBI number (the identifier travels in the query string), a read of the
/// subject, then sealing and erasure — and every log record, span, metric and problem body of the host, every row
/// of every table in the database (the vault's included: it holds only ciphertext and keyed hashes; the access log
/// too) and PostgreSQL's own log are searched for them. The fixture runs with OpenTelemetry on, so the
/// instrumentation's own span tags (the URL's query, redacted) are among what is searched.
/// </summary>
public class IdentifierLeakTests(AppFixture app)
{
    [Fact]
    public async Task no_identifier_appears_in_logs_spans_metrics_problems_or_any_table()
    {
        var marker = $"Zq{Guid.NewGuid():N}"[..14];
        var aNumber = $"A{Random.Shared.Next(100_000_000, 999_999_999)}";
        var fbiNumber = $"F{Random.Shared.Next(10_000_000, 99_999_999)}";
        var stateId = $"SID-{marker}";
        var subject = new { name = new { given = $"{marker}Given", family = $"{marker}Family", middle = $"{marker}Middle" }, dateOfBirth = "1987-06-05", aNumber, fbiNumber, stateId };
        var jem = await CaseScenario.Create(app);
        var wso = await CaseScenario.Create(app, ProgramModel.WSO);

        // The same person through a whole JEM case and a whole WSO case, at two agencies.
        var jemCase = await jem.Book(subject);
        await jem.DetainerInEffect(jemCase);
        await jem.Approved(jemCase);
        var wsoCase = await wso.Book(subject);
        await wso.WarrantServedAndTransferred(wsoCase);

        var problems = new List<string>();
        foreach (var refused in RefusedBookings(subject, marker))
            problems.Add(await (await app.Host.PostBooking(jem.Jail, refused, 400)).ReadAsTextAsync());
        foreach (var search in new[] { $"aNumber={aNumber}", $"fbiNumber={fbiNumber}" })
            (await (await app.Host.GetAs(jem.Jail, $"/api/subjects/search?{search}")).ReadAsTextAsync()).ShouldContain(jemCase.ToString());
        problems.Add(await (await app.Host.GetAs(jem.Jail, $"/api/subjects/search?aNumber={marker}", 400)).ReadAsTextAsync());
        (await (await app.Host.Post(jem.Jail, "/api/subjects/search", new { aNumber }, 200)).ReadAsTextAsync()).ShouldContain(jemCase.ToString());
        problems.Add(await (await app.Host.Post(jem.Jail, "/api/subjects/search", new { aNumber = marker }, 400)).ReadAsTextAsync());
        foreach (var token in TokensCarrying(aNumber, fbiNumber, stateId))
            problems.Add(await (await app.Host.GetAs(token, "/api/cases?bookingNumber=X-1", 401)).WholeAnswer());
        // The queues and the case search answer from the asynchronous case read model: searched too.
        await app.Host.QueuesHaveApplied(jemCase, wsoCase);
        foreach (var queue in new[] { "review", "detainers", "releases", "deadlines", "citizenship-claims" })
            problems.Add(await (await app.Host.GetAs(jem.Supervisor, $"/api/queues/{queue}?ori={jem.Ori}")).ReadAsTextAsync());
        var found = await (await app.Host.GetAs(jem.Supervisor, $"/api/cases?ori={jem.Ori}")).ReadAsTextAsync();
        found.ShouldContain(jemCase.ToString(), customMessage: "the search must cover the case search's answer");
        problems.Add(found);
        // The case replayed as it stood, and what changed between two of its versions.
        problems.Add(await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{jemCase}/state?occurredAsOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}")).ReadAsTextAsync());
        problems.Add(await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/cases/{jemCase}/diff?from=1&to=5")).ReadAsTextAsync());
        problems.Add(await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/exceptions?ori={jem.Ori}")).ReadAsTextAsync());
        // So do the statistics, from theirs.
        await app.Host.StatisticsHaveApplied(jemCase, wsoCase);
        var statistics = await (await app.Host.GetAs(jem.Supervisor, $"/api/statistics/jurisdictions/{jem.Ori}")).ReadAsTextAsync();
        statistics.ShouldContain("\"bookingsReferred\":1", customMessage: "the search must cover statistics that count the case");
        problems.Add(statistics);
        problems.Add(await (await app.Host.GetAs(jem.Supervisor, $"/api/statistics/field-offices/{SyntheticAgencies.FieldOffice}")).ReadAsTextAsync());
        // And the monthly report of the month the cases were screened in, in its three forms, and a release through the event store.
        var month = Domain.Statistics.StatisticsCalendar.Name(Domain.Statistics.StatisticsCalendar.MonthOf(DateTimeOffset.UtcNow.AddMinutes(-50), SyntheticAgencies.TimeZone));
        var analyst = app.Tokens.For(Roles.Analyst, subject: "analyst-leak");
        foreach (var (accept, query) in new[] { ("application/json", ""), ("text/csv", "?table=agencies"), ("text/html", "") })
        {
            var report = await (await app.Host.Scenario(s =>
            {
                s.Get.Url($"/api/reports/monthly/{month}{query}");
                s.WithRequestHeader("Accept", accept);
                s.Bearer(analyst);
            })).ReadAsTextAsync();
            report.ShouldContain(jem.Ori, customMessage: "the search must cover a report that counts the case");
            problems.Add(report);
        }

        var previous = Domain.Statistics.StatisticsCalendar.Name(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2));
        var proposal = await (await app.Host.Post(analyst, $"/api/reports/monthly/{previous}/release-proposals", new { eventId = Guid.NewGuid() }, 202)).ReadAsJsonAsync<Server.Reports.ReportReleaseAnswer>();
        problems.Add(await (await app.Host.GetAs(analyst, $"/api/reports/monthly/{previous}/release-proposals/pending")).ReadAsTextAsync());
        var approval = await app.Host.Post(app.Tokens.For(Roles.Admin, subject: "admin-leak"), $"/api/reports/monthly/{previous}/approvals",
            new { proposalId = proposal.ProposalId, publicAffairsReference = "OPA-LEAK-1", privacyOfficeReference = "PRIV-LEAK-1" }, 200);
        await Reports.ReportScenario.Disclosed(app, previous, (await approval.ReadAsJsonAsync<Server.Reports.ReportReleaseAnswer>()).ReleasedVersion!.Value);
        var read = await (await app.Host.GetAs(jem.Jail, $"/api/subjects/{CaseId.SubjectRefFor(jemCase)}")).ReadAsTextAsync();
        read.ShouldContain(stateId, customMessage: "the subject read must have decrypted the identifiers");

        // Then sealed and erased by two admins each: the orders travel through the same sinks.
        var (adminA, adminB) = (app.Tokens.For(Roles.Admin, subject: "admin-a"), app.Tokens.For(Roles.Admin, subject: "admin-b"));
        await app.Host.CarryOut(adminA, adminB, CaseId.SubjectRefFor(jemCase), "seal", "sealing-order");
        await app.Host.CarryOut(adminA, adminB, CaseId.SubjectRefFor(wsoCase), "erase", "expungement-order");

        // The auditor's integrity reads, whatever they answer on the shared store, and the checkpoints written outside it.
        var auditor = app.Tokens.For(Roles.Auditor);
        await app.Host.Scenario(x => { x.Post.Url("/api/audit/checkpoints"); x.Bearer(auditor); x.IgnoreStatusCode(); });
        foreach (var url in new[] { $"/api/cases/{jemCase}/export", "/api/audit/integrity" })
            problems.Add(await (await app.Host.Scenario(x => { x.Get.Url(url); x.Bearer(auditor); x.IgnoreStatusCode(); })).ReadAsTextAsync());
        var checkpoints = Directory.GetFiles(app.Checkpoints.Folder).Select(File.ReadAllText).ToList();
        checkpoints.ShouldNotBeEmpty("the search must cover the checkpoints");

        var tables = await EveryTable();
        var everywhere = string.Join('\n', [app.Telemetry.Text, .. problems, .. checkpoints, tables]);
        string[] identifiers = [marker, aNumber, aNumber[1..], fbiNumber, stateId, "1987-06-05"];
        var (statementsLogged, postgresLogLeaks) = await SearchPostgresLog(identifiers, jemCase.ToString());

        tables.ShouldContain(app.Host.Services.GetRequiredService<SubjectVault>().ANumberTag(aNumber), customMessage: "the search must cover the vault's table");
        tables.ShouldContain("SubjectErased", customMessage: "the search must cover the cases' events");
        tables.ShouldContain($"subject:{CaseId.SubjectRefFor(jemCase)}", customMessage: "the search must cover the access log");
        app.Telemetry.Text.ShouldContain("/api/subjects/search", customMessage: "the search must cover the spans and logs of the subject searches");
        app.Telemetry.Text.ShouldContain("url.query=?aNumber=Redacted", customMessage: "tracing is on (the fixture's exporter endpoint): the instrumentation's tags are searched too");
        app.Telemetry.Text.ShouldContain(wsoCase.ToString(), customMessage: "the search must cover the spans and logs of the requests");
        app.Telemetry.Measured("Microsoft.AspNetCore.Hosting").ShouldBeTrue("the search must cover the metrics");
        statementsLogged.ShouldBeTrue("the search must cover the statements PostgreSQL ran with their parameters (ops/test logs every write)");
        foreach (var identifier in identifiers)
            everywhere.ShouldNotContain(identifier, Case.Insensitive);
        postgresLogLeaks.ShouldBeEmpty();
    }

    /// <summary>Tokens refused for a claim that holds an identifier (a client that put one where a claim belongs).</summary>
    private string[] TokensCarrying(string aNumber, string fbiNumber, string stateId) =>
    [
        app.Tokens.For(Roles.ScreeningSystem, ori: aNumber),
        app.Tokens.For(Roles.Supervisor, fieldOffice: fbiNumber),
        app.Tokens.For(Roles.Officer, ori: Agencies.FortBend, officerId: $"{stateId}\n"),
        app.Tokens.For(stateId),
        app.Tokens.For(Roles.Auditor, subject: stateId, claims: [("ROLE", Roles.Admin)]),
    ];

    /// <summary>Bookings refused for a bad identifier, each carrying the others; one sends an identifier as a member's name.</summary>
    private static IEnumerable<Dictionary<string, object?>> RefusedBookings(object subject, string marker)
    {
        yield return Envelopes.Booking(Envelopes.NewBookingNumber(), subject: new { name = new { given = $"{marker}Given", family = $"{marker}Family" }, dateOfBirth = $"{marker}-06-05" });
        yield return Envelopes.Booking(Envelopes.NewBookingNumber(), subject: new { name = new { given = $"{marker}Given", family = $"{marker}Family" }, dateOfBirth = "1987-06-05", aNumber = $"A{marker}" });
        var tooLong = Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject);
        tooLong["eventId"] = marker;
        yield return tooLong;
        var markerAsMember = Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject);
        markerAsMember[marker] = 1;
        yield return markerAsMember;
    }

    /// <summary>
    /// Searches the database server's own log, as <c>./ops/test</c> names it: errors with their details, and every
    /// write statement with its parameters (<c>log_statement=mod</c>). Read line by line, as it holds the whole run.
    /// Answers whether a statement naming <paramref name="written"/> was logged, and the lines holding an identifier.
    /// </summary>
    private static async Task<(bool WrittenLogged, List<string> Leaks)> SearchPostgresLog(string[] identifiers, string written)
    {
        var path = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_LOG")
            ?? throw new InvalidOperationException("CASEFLOW_TEST_PG_LOG is not set: run the tests with ./ops/test.");
        var (writtenLogged, leaks) = (false, new List<string>());
        await foreach (var line in File.ReadLinesAsync(path, TestContext.Current.CancellationToken))
        {
            writtenLogged |= line.Contains(written, StringComparison.Ordinal);
            if (identifiers.Any(i => line.Contains(i, StringComparison.OrdinalIgnoreCase)))
                leaks.Add(line.Length > 300 ? line[..300] : line);
        }

        return (writtenLogged, leaks);
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
