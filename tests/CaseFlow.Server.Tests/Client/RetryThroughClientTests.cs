using System.Net;
using CaseFlow.Client;
using CaseFlow.Client.Generated.Models;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Client;

/// <summary>The kit's retry handler against the real host: a busy case is waited out and the event stored once.</summary>
public class RetryThroughClientTests(AppFixture app)
{
    /// <summary>The test host's transport, calling <paramref name="afterFirstAnswer"/> once the first answer is in.</summary>
    private sealed class ObservingTransport(HttpMessageHandler server, Func<Task> afterFirstAnswer) : DelegatingHandler(server)
    {
        public List<HttpStatusCode> Answers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = await base.SendAsync(request, cancellationToken);
            Answers.Add(answer.StatusCode);
            if (Answers.Count == 1)
                await afterFirstAnswer();
            return answer;
        }
    }

    [Fact]
    public async Task a_case_busy_answer_is_retried_after_retry_after_with_the_same_event_which_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var jem = await CaseScenario.Create(app);
        var caseId = await app.Client(jem.Jail).Book(jem.Ori, Envelopes.NewBookingNumber(), ProgramModel.JEM, DateTimeOffset.UtcNow.AddHours(-3), "A056789012");
        await using var holder = new NpgsqlConnection(AppFixture.ConnectionString);
        await holder.OpenAsync(ct);
        var transaction = await holder.BeginTransactionAsync(ct);
        await new NpgsqlCommand($"select 1 from {PersistenceSetup.SchemaName}.mt_streams where id = @id for update", holder, transaction)
        {
            Parameters = { new("id", caseId) },
        }.ExecuteScalarAsync(ct);
        // The case is free again as soon as the first answer (409 case-busy) is in; the retry finds it free.
        var transport = new ObservingTransport(app.Host.Server.CreateHandler(), () => transaction.CommitAsync(ct));
        var jail = CaseFlowClient.Create(new Uri("http://localhost"), _ => ValueTask.FromResult(jem.Jail), new CaseFlowRetryOptions { BaseDelay = TimeSpan.Zero }, transport);
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);

        var appended = await jail.Post(caseId, new()
        {
            ScreeningOpenedEnvelope = new()
            {
                EventId = Guid.NewGuid(), Type = ScreeningOpenedEnvelope_type.ScreeningOpened, OccurredAt = at, OfficerId = CaseScenario.Badge, Data = new() { OpenedAt = at },
            },
        });

        transport.Answers.ShouldBe([HttpStatusCode.Conflict, HttpStatusCode.OK]);
        appended.Version.ShouldBe(2);
        (await jail.Api.Cases[caseId].History.GetAsync(cancellationToken: ct))!.Items!.Count(e => e.HistoryEventScreeningOpened is not null).ShouldBe(1);
    }
}
