using Alba;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// The access audit: who read or wrote what, refused or not, with the CJIS fields; written with the write it
/// records, queryable by auditors only, and beyond the reach of the application's own database role.
/// </summary>
public class AccessAuditTests(AppFixture app)
{
    private const string Jail = Roles.ScreeningSystem;

    [Fact]
    public async Task a_booking_and_a_read_are_recorded_with_who_what_when_and_outcome()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var caseId = await app.Host.StartCase(jail);
        await app.Host.GetAs(jail, $"/api/cases/{caseId}");
        await app.Host.GetAs(jail, $"/api/cases/{caseId}/history");

        var entries = await AccessLogOf($"user={subject}");

        entries.Select(e => (e.Record, e.Action, e.Outcome)).ShouldBe(
        [
            ($"case:{caseId}", "BookingRecorded", AccessOutcomes.Appended),
            ($"case:{caseId}", "GET /api/cases/{caseId}", AccessOutcomes.Allowed),
            ($"case:{caseId}", "GET /api/cases/{caseId}/history", AccessOutcomes.Allowed),
        ]);
        entries.ShouldAllBe(e => e.Role == Jail && e.Agency == Agencies.FortBend && e.CaseId == caseId && e.At >= before && e.At.Offset == TimeSpan.Zero);
    }

    [Fact]
    public async Task subject_reads_and_searches_are_recorded_without_the_identifier_searched_for()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var (caseId, subjectRef) = await app.Host.Book(jail, SubjectClient.Subject(aNumber, fbiNumber));
        await app.Host.GetAs(jail, $"/api/subjects/{subjectRef}");
        await app.Host.GetAs(jail, $"/api/subjects/search?aNumber={aNumber}");

        var entries = await AccessLogOf($"user={subject}");

        entries.ShouldContain(e => e.Record == $"subject:{subjectRef}" && e.CaseId == caseId && e.Action == "GET /api/subjects/{subjectRef}" && e.Outcome == AccessOutcomes.Allowed);
        entries.ShouldContain(e => e.Record == $"subject:{subjectRef}" && e.CaseId == caseId && e.Action == "GET /api/subjects/search" && e.Outcome == AccessOutcomes.Found);
        var digits = aNumber[1..];
        entries.ShouldAllBe(e => !e.Record.Contains(digits) && !e.Action.Contains(digits));
    }

    [Fact]
    public async Task a_lookup_that_finds_nothing_the_caller_may_see_is_recorded_as_not_found()
    {
        var (aNumber, fbiNumber) = SubjectClient.NewPerson();
        var bookingNumber = Envelopes.NewBookingNumber();
        var caseId = await app.Host.StartCaseWith(app.Tokens.For(Jail, ori: Agencies.FortBend),
            Envelopes.Booking(bookingNumber, subject: SubjectClient.Subject(aNumber, fbiNumber)));
        var subject = $"jail-{Guid.NewGuid():N}";
        var otherAgency = app.Tokens.For(Jail, ori: Agencies.Aransas, subject: subject);

        // Another agency's booking number and person: answered 200 with nothing, as for a booking that does not exist.
        (await (await app.Host.GetAs(otherAgency, $"/api/cases?ori={Agencies.FortBend}&bookingNumber={bookingNumber}")).ReadAsTextAsync()).ShouldContain("\"items\":[]");
        (await (await app.Host.GetAs(otherAgency, $"/api/subjects/search?aNumber={aNumber}")).ReadAsTextAsync()).ShouldContain("\"items\":[]");
        var entries = await AccessLogOf($"user={subject}");

        entries.Select(e => (e.Record, e.CaseId, e.Action, e.Outcome)).ShouldBe(
        [
            ("case-search", caseId, "GET /api/cases", AccessOutcomes.NotFound),
            ("subject-search", null, "GET /api/subjects/search", AccessOutcomes.NotFound),
        ]);
    }

    [Fact]
    public async Task only_ids_are_copied_from_a_route_never_what_else_a_caller_typed_there()
    {
        var subject = $"auditor-{Guid.NewGuid():N}";
        var (aNumber, _) = SubjectClient.NewPerson();
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor, subject: subject), $"/api/subjects/{aNumber}", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor, subject: subject), $"/api/no-such-route/{aNumber}", 403);

        var entries = await AccessLogOf($"user={subject}");

        entries.Select(e => (e.Record, e.Action)).ShouldBe([("subject:invalid", "GET /api/subjects/{subjectRef}"), ("request", "GET (no route)")]);
    }

    [Fact]
    public async Task refusals_denials_and_failed_authentication_are_recorded()
    {
        var scenario = await CaseScenario.Create(app);
        var caseId = await scenario.Book();
        var otherAgency = $"jail-{Guid.NewGuid():N}";
        var analyst = $"analyst-{Guid.NewGuid():N}";

        await scenario.Decide(caseId, "ReviewApproved", new { signedAt = CaseScenario.Now() }, status: 422);
        await scenario.Post(caseId, "ReviewApproved", new { signedAt = CaseScenario.Now() }, status: 403);
        await app.Host.PostCaseEvent(scenario.Jail, caseId, new { eventId = "not-a-uuid" }, status: 400);
        await app.Host.GetAs(app.Tokens.For(Jail, ori: Agencies.Aransas, subject: otherAgency), $"/api/cases/{caseId}", 404);
        await app.Host.GetAs(app.Tokens.For(Roles.Analyst, subject: analyst), $"/api/cases/{caseId}", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor, signingKey: new byte[32]), $"/api/cases/{caseId}", 401);

        var onCase = await AccessLogOf($"case={caseId}");

        onCase.ShouldContain(e => e.User == "supervisor-a" && e.Action == "ReviewApproved" && e.Outcome == "refused:out-of-sequence");
        onCase.ShouldContain(e => e.User == $"jail-{scenario.Ori}" && e.Action == "POST /api/cases/{caseId}/events" && e.Outcome == AccessOutcomes.Denied);
        onCase.ShouldContain(e => e.User == $"jail-{scenario.Ori}" && e.Action == "POST /api/cases/{caseId}/events" && e.Outcome == "refused:unreadable-body");
        onCase.ShouldContain(e => e.User == otherAgency && e.Action == "GET /api/cases/{caseId}" && e.Outcome == AccessOutcomes.NotFound);
        onCase.ShouldContain(e => e.User == analyst && e.Action == "GET /api/cases/{caseId}" && e.Outcome == AccessOutcomes.Denied);
        onCase.ShouldContain(e => e.User == "anonymous" && e.Action == "GET /api/cases/{caseId}" && e.Outcome == AccessOutcomes.AuthenticationFailed);
    }

    [Fact]
    public async Task every_item_of_a_batch_is_recorded_the_malformed_ones_too()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        var booking = Envelopes.Booking(Envelopes.NewBookingNumber());
        var withoutCase = Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1));

        await app.Host.Post(jail, "/api/events/batch", new { events = new object[] { booking, withoutCase, 42 } }, 200);

        (await AccessLogOf($"user={subject}")).Select(e => (e.Action, e.Outcome)).ShouldBe(
            [("BookingRecorded", AccessOutcomes.Appended), ("batch-item", "refused:invalid-request"), ("batch-item", "refused:invalid-request")],
            ignoreOrder: true);
    }

    [Fact]
    public async Task reads_on_another_node_are_in_the_shared_log_once_that_node_has_stopped()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        var caseId = await app.Host.StartCase(jail);
        var node = await app.StartNode();
        for (var i = 0; i < 3; i++)
            await node.GetAs(jail, $"/api/cases/{caseId}");

        await node.DisposeAsync();

        (await AccessLogOf($"user={subject}")).Count(e => e.Action == "GET /api/cases/{caseId}").ShouldBe(3);
    }

    [Fact]
    public async Task the_source_is_the_clients_address_as_a_known_proxy_forwards_it_and_the_peers_otherwise()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        await using var node = await app.StartNode(x => x.UseSetting("Proxies:KnownProxies:0", "10.0.0.5"));

        foreach (var peer in new[] { "10.0.0.5", "10.0.0.6" })
        {
            await node.Scenario(s =>
            {
                s.Get.Url("/api/cases/00000000-0000-0000-0000-000000000001");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer));
                s.WithRequestHeader("X-Forwarded-For", "203.0.113.7");
                s.Bearer(jail);
                s.StatusCodeShouldBe(404);
            });
        }

        await node.Services.GetRequiredService<AccessLog>().Flush(TestContext.Current.CancellationToken);
        (await AccessLogOf($"user={subject}")).Select(e => e.Source).ShouldBe(["203.0.113.7", "10.0.0.6"]);
    }

    [Fact]
    public async Task reads_queued_while_the_writer_gathers_are_stored_in_one_transaction()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await app.StartNode(x => x.UseSetting("AccessLog:Gathering", "00:00:02"));
        var log = node.Services.GetRequiredService<AccessLog>();
        var user = $"reader-{Guid.NewGuid():N}";
        AccessRecord Read() => new(DateTimeOffset.UtcNow, user, Roles.Supervisor, "SEA", "request", null, "GET /api/queues/review", AccessOutcomes.Allowed, "127.0.0.1", "");

        await log.Record(Read(), ct);
        SpinWait.SpinUntil(() => log.Pending.Count == 0, TimeSpan.FromSeconds(30)).ShouldBeTrue("the writer takes the first record");
        for (var i = 0; i < 9; i++)
            await log.Record(Read(), ct);
        await log.Flush(ct);

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select count(*), count(distinct xmin::text) from {AccessLogTable.Name} where user_id = @user", connection) { Parameters = { new("user", user) } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        (reader.GetInt64(0), reader.GetInt64(1)).ShouldBe((10L, 1L), "the first record waited for the nine queued after the writer took it");
    }

    [Fact]
    public async Task an_appended_event_and_its_audit_row_are_one_transaction()
    {
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend);
        var caseId = await app.Host.StartCase(jail);

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
             select count(*) from {AccessLogTable.Name} a join {PersistenceSetup.SchemaName}.mt_events e on e.xmin = a.xmin
             where e.stream_id = @id and e.version = 1 and a.case_id = @id and a.outcome = 'appended'
             """, connection) { Parameters = { new("id", caseId) } };

        ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(1);
    }

    [Theory]
    [InlineData("update caseflow_audit.access_log set outcome = 'allowed'")]
    [InlineData("delete from caseflow_audit.access_log")]
    [InlineData("truncate caseflow_audit.access_log")]
    [InlineData("drop table caseflow_audit.access_log")]
    [InlineData("alter table caseflow_audit.access_log disable trigger all")]
    [InlineData("create or replace function caseflow_audit.refuse_change() returns trigger language plpgsql as $$ begin return new; end $$")]
    [InlineData("insert into caseflow_audit.access_log (id, at, user_id, role, agency, record, action, outcome, source, trace_id) overriding system value values (1, now(), 'u', 'r', '', 'x', 'a', 'o', 's', 't')")]
    [InlineData("insert into caseflow_audit.access_log (at, user_id, role, agency, record, action, outcome, source, trace_id, logged_at) values (now(), 'u', 'r', '', 'x', 'a', 'o', 's', 't', now())")]
    [InlineData("alter schema caseflow_audit rename to elsewhere")]
    public async Task the_applications_role_cannot_change_the_log(string sql)
    {
        await app.Host.StartCase(app.Tokens.For(Jail, ori: Agencies.FortBend));

        var refused = await Should.ThrowAsync<PostgresException>(() => TestDatabases.Execute(AppFixture.ConnectionString, sql));

        refused.SqlState.ShouldBeOneOf(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task the_applications_role_cannot_drop_or_take_over_its_database()
    {
        var database = $"caseflow_drop_{Guid.NewGuid():N}"[..30];
        await TestDatabases.Create(database);
        var fromElsewhere = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString) { Database = "postgres" }.ConnectionString;

        try
        {
            foreach (var sql in new[] { $"drop database {database}", $"alter database {database} owner to current_user", $"alter database {database} rename to taken" })
                (await Should.ThrowAsync<PostgresException>(() => TestDatabases.Execute(fromElsewhere, sql))).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await TestDatabases.Drop(database);
        }
    }

    [Fact]
    public async Task the_log_filters_by_time_and_pages_and_only_auditors_read_it()
    {
        var subject = $"jail-{Guid.NewGuid():N}";
        var jail = app.Tokens.For(Jail, ori: Agencies.FortBend, subject: subject);
        var caseId = await app.Host.StartCase(jail);
        for (var i = 0; i < 4; i++)
            await app.Host.GetAs(jail, $"/api/cases/{caseId}");
        var all = await AccessLogOf($"user={subject}");

        var first = await Page($"user={subject}&limit=3");
        var rest = await Page($"user={subject}&limit=3&after={first.Next}");
        var from = Uri.EscapeDataString(all[2].At.ToString("O"));
        var later = await AccessLogOf($"user={subject}&from={from}");

        all.Count.ShouldBe(5);
        first.Items.Concat(rest.Items).Select(e => e.Id).ShouldBe(all.Select(e => e.Id));
        rest.Next.ShouldBeNull();
        later.Select(e => e.Id).ShouldBe(all.Where(e => e.At >= all[2].At).Select(e => e.Id));
        foreach (var role in new[] { Jail, Roles.Supervisor, Roles.Analyst, Roles.Admin })
            await app.Host.GetAs(app.Tokens.For(role, ori: Agencies.FortBend, fieldOffice: "HOU"), "/api/audit/access", 403);
        await app.Host.GetAs(app.Tokens.For(Roles.Auditor), "/api/audit/access?case=nope&from=yesterday", 400);
    }

    [Fact]
    public async Task reading_the_log_is_itself_recorded()
    {
        var auditor = $"auditor-{Guid.NewGuid():N}";
        var token = app.Tokens.For(Roles.Auditor, subject: auditor);
        await app.Host.GetAs(token, "/api/audit/access?limit=1");

        var entries = await AccessLogOf($"user={auditor}");

        entries.ShouldContain(e => e.Action == "GET /api/audit/access" && e.Record == "access-log" && e.Outcome == AccessOutcomes.Allowed);
    }

    private async Task<Page<AccessEntry>> Page(string query) =>
        await (await app.Host.GetAs(app.Tokens.For(Roles.Auditor), $"/api/audit/access?{query}")).ReadAsJsonAsync<Page<AccessEntry>>();

    /// <summary>Every entry matching the query, across pages.</summary>
    private async Task<List<AccessEntry>> AccessLogOf(string query)
    {
        var entries = new List<AccessEntry>();
        for (string? after = null; ;)
        {
            var page = await Page(after is null ? query : $"{query}&after={after}");
            entries.AddRange(page.Items);
            if ((after = page.Next) is null)
                return entries;
        }
    }
}
