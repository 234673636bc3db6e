using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Tests.Intake;

/// <summary>Races between writers: never a 500, never a lost or doubled event.</summary>
public class ConcurrencyTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Fact]
    public async Task the_same_booking_posted_eight_times_at_once_starts_one_case_and_answers_every_post_alike()
    {
        var envelope = Envelopes.Booking(Envelopes.NewBookingNumber());
        using var client = Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/bookings", envelope, TestContext.Current.CancellationToken)));

        responses.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.Created);
        responses.Count(r => !r.Headers.Contains(WriteResults.ReplayedHeader)).ShouldBe(1);
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<AppendResult>(TestContext.Current.CancellationToken)));
        answers.Distinct().Count().ShouldBe(1);
        await StreamLengthShouldBe(answers[0]!.Id, 1);
    }

    [Fact]
    public async Task one_booking_sent_at_once_under_different_event_ids_starts_one_case()
    {
        var bookingNumber = Envelopes.NewBookingNumber();
        var occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var client = Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/bookings", Envelopes.Booking(bookingNumber, occurredAt: occurredAt), TestContext.Current.CancellationToken)));

        responses.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.Created);
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<AppendResult>(TestContext.Current.CancellationToken)));
        answers.Distinct().Count().ShouldBe(1);
        await StreamLengthShouldBe(answers[0]!.Id, 1);
    }

    [Fact]
    public async Task a_writer_that_waits_too_long_for_a_busy_case_gets_409_with_retry_after()
    {
        var caseId = await app.Host.StartCase(Jail);
        await using var holder = new NpgsqlConnection(AppFixture.ConnectionString);
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await holder.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await new NpgsqlCommand($"select 1 from {PersistenceSetup.SchemaName}.mt_streams where id = @id for update", holder, transaction)
        {
            Parameters = { new("id", caseId) },
        }.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        var result = await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(2)), 409);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(AppFixture.LockWait - TimeSpan.FromMilliseconds(100));
        result.Context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        (await result.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:case-busy");
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        await StreamLengthShouldBe(caseId, 1);
    }

    private HttpClient Client()
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Jail);
        return client;
    }

    private async Task StreamLengthShouldBe(Guid caseId, int expected)
    {
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Count.ShouldBe(expected);
    }
}
