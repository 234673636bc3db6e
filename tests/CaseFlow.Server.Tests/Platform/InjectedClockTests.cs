using Alba;
using CaseFlow.Domain;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// A node whose registered <see cref="TimeProvider"/> is not the wall clock (the demo loader's simulated year) stamps
/// what it stores with that clock: the events' timestamps (Marten's events TimeProvider, honoured by the Rich append
/// mode CaseFlow uses: Quick mode would take the database's now()) and the access records of the writes.
/// </summary>
public sealed class InjectedClockTests(AppFixture app) : IAsyncLifetime
{
    // Days before the wall clock, at an odd second: a timestamp taken from anything else cannot match it.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeSeconds() / 60 * 60 + 17));
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync() =>
        _node = await app.StartNode(x => x.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock)));

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task an_event_and_its_access_record_carry_the_injected_clocks_instant()
    {
        var scenario = await CaseScenario.Create(app, ProgramModel.JEM);
        var now = _clock.GetUtcNow();
        var caseId = await _node.StartCaseWith(scenario.Jail, Envelopes.Booking(Envelopes.NewBookingNumber(), occurredAt: now.AddHours(-1)));

        await using var session = app.Store.QuerySession();
        var booked = (await session.Events.FetchStreamAsync(caseId, token: TestContext.Current.CancellationToken)).Single();
        booked.Timestamp.ShouldBe(now);
        (await AccessRecordedAt(caseId)).ShouldBe(now);
    }

    private static async Task<DateTimeOffset> AccessRecordedAt(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select at from {AccessLogTable.Name} where case_id = $1 and action = 'BookingRecorded'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, TimeSpan.Zero);
    }
}
