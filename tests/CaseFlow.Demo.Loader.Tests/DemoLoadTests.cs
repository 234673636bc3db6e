using CaseFlow.Demo.Plan;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Security;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>The loader runs <see cref="TinyYear"/> through CaseFlow's write path under the simulated clock.</summary>
public sealed class DemoLoadTests(LoadedTinyYear loaded) : IClassFixture<LoadedTinyYear>
{
    private const string Events = $"{PersistenceSetup.SchemaName}.mt_events";
    private static readonly string Ori = TinyYear.Agency(AgreementCatalog.Load()).Ori;

    private static Guid Case(string bookingNumber) => CaseId.For(Ori, bookingNumber);

    private Task<DateTime> Stamped(Guid caseId, string type) =>
        loaded.Database.Scalar<DateTime>($"select timestamp from {Events} where stream_id = '{caseId}' and type = '{type}'");

    [Fact]
    public async Task every_write_is_applied_and_events_carry_the_simulated_instants_they_were_sent_at()
    {
        loaded.Result.Before.ShouldBe(DemoDatabaseState.Empty);
        loaded.Result.Writes.ShouldBe(13);
        (await loaded.Database.Scalar<string>($"select string_agg(type, ' ' order by version) from {Events} where stream_id = '{Case("DEMO-A")}'")).ShouldBe(
            "BookingRecorded WarrantReceivedFromIce DetainerLodged ReleaseEligible WarrantServed HoldStarted HoldExpired");
        (await Stamped(Case("DEMO-A"), nameof(BookingRecorded))).ShouldBe(TinyYear.BookedA.UtcDateTime);
        (await Stamped(Case("DEMO-A"), nameof(HoldStarted))).ShouldBe(TinyYear.Served.UtcDateTime);
        // The offline jail's booking happened five days before its batch was sent: it is stored when it arrived.
        (await Stamped(Case("DEMO-C"), nameof(BookingRecorded))).ShouldBe(TinyYear.BatchSent.UtcDateTime);
        (await Stamped(Case("DEMO-C"), nameof(ReleasedFromLocalCustody))).ShouldBe(TinyYear.BatchSent.UtcDateTime);
    }

    [Fact]
    public async Task the_unmet_hold_expires_once_at_its_simulated_deadline_and_nothing_is_left_for_wolverine_to_fire()
    {
        loaded.Result.DeadlinesDelivered.ShouldBe(1);
        (await loaded.Database.Scalar<long>($"select count(*) from {Events} where stream_id = '{Case("DEMO-A")}' and type = 'HoldExpired'")).ShouldBe(1);
        (await Stamped(Case("DEMO-A"), nameof(HoldExpired))).ShouldBe((TinyYear.Served + HoldPolicy.Limit).UtcDateTime);
        (await loaded.Database.Scalar<long>($"select count(*) from {PersistenceSetup.SchemaName}.wolverine_incoming_envelopes")).ShouldBe(0);
    }

    [Fact]
    public async Task a_second_load_of_the_same_year_adds_nothing()
    {
        var before = await loaded.Database.Scalar<long>($"select count(*) from {Events}");

        var again = await loaded.Load();

        again.Before.ShouldBe(DemoDatabaseState.Loaded);
        again.Writes.ShouldBe(0);
        (await loaded.Database.Scalar<long>($"select count(*) from {Events}")).ShouldBe(before);
    }

    [Fact]
    public async Task served_after_the_load_every_chain_verifies_and_nothing_is_appended_twice()
    {
        var before = await loaded.Database.Scalar<long>($"select count(*) from {Events}");

        await using (var node = await InProcessHost.Start(loaded.Database.ConnectionString, runProjections: true, DemoTestDatabase.Configure))
        {
            await node.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(1));
            var chains = node.Services.GetRequiredService<ChainVerifier>();
            foreach (var number in new[] { "DEMO-A", "DEMO-B", "DEMO-C" })
                (await chains.Verify(Case(number), TestContext.Current.CancellationToken)).Intact.ShouldBeTrue(number);
        }

        (await loaded.Database.Scalar<long>($"select count(*) from {Events}")).ShouldBe(before);
        (await loaded.Database.Scalar<long>($"select count(*) from {Events} where type = 'HoldExpired'")).ShouldBe(1);
    }
}

/// <summary>
/// A deadline of a case the window does not touch, falling due within it, is delivered beside its writes; one falling
/// due after a window's last write, before a write that does not join it, is delivered at its own instant between them.
/// </summary>
public sealed class DeadlineWithinAWindowTests
{
    private static readonly DateTimeOffset Deadline = TinyYear.Served + HoldPolicy.Limit;
    private static readonly string Events = $"{PersistenceSetup.SchemaName}.mt_events";
    private static readonly string Ori = TinyYear.Agency(AgreementCatalog.Load()).Ori;

    [Fact]
    public async Task the_hold_expiring_between_two_writes_of_a_window_expires_once_stored_with_them_at_its_own_instant()
    {
        await using var database = await DemoTestDatabase.Create();

        var result = await Load(database, TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(5));

        result.DeliveringDeadlines.ShouldBe(TimeSpan.Zero);
        await ExpiredOnce(database, storedAt: Deadline.AddMinutes(5));
        (await database.Scalar<long>($"select count(*) from {Events} where type = 'BookingRecorded' and timestamp = '{Deadline.AddMinutes(5):O}'")).ShouldBe(2);
    }

    [Fact]
    public async Task the_hold_expiring_after_a_window_s_last_write_expires_at_its_deadline_and_the_window_keeps_its_instant()
    {
        await using var database = await DemoTestDatabase.Create();

        var result = await Load(database, TimeSpan.FromMinutes(-60), TimeSpan.FromMinutes(5));

        result.DeliveringDeadlines.ShouldBeGreaterThan(TimeSpan.Zero);
        await ExpiredOnce(database, storedAt: Deadline);
        (await database.Scalar<DateTime>($"select timestamp from {Events} where type = 'BookingRecorded' and stream_id = '{CaseId.For(Ori, "DEMO-E")}'"))
            .ShouldBe(Deadline.AddMinutes(-60).UtcDateTime);
    }

    // One lane of cases: case A and the bookings around its deadline must share a lane's windows, which lanes by case
    // id would not promise.
    private static Task<LoadResult> Load(DemoTestDatabase database, TimeSpan first, TimeSpan second) =>
        DemoLoader.Load(database.ConnectionString, new BookingsAroundTheDeadline(first, second), LoadedTinyYear.Settings, writers: 4,
            window: TimeSpan.FromMinutes(15), DemoTestDatabase.Configure, ct: TestContext.Current.CancellationToken, lanes: 1);

    private static async Task ExpiredOnce(DemoTestDatabase database, DateTimeOffset storedAt)
    {
        var expired = $"from {Events} where stream_id = '{CaseId.For(Ori, "DEMO-A")}' and type = 'HoldExpired'";
        (await database.Scalar<long>($"select count(*) {expired}")).ShouldBe(1);
        (await database.Scalar<DateTime>($"select (data ->> 'at')::timestamptz {expired}")).ShouldBe(Deadline.UtcDateTime);
        (await database.Scalar<DateTime>($"select timestamp {expired}")).ShouldBe(storedAt.UtcDateTime);
    }

    /// <summary><see cref="TinyYear"/> with bookings E and F sent at these offsets from case A's hold deadline.</summary>
    private sealed class BookingsAroundTheDeadline(TimeSpan first, TimeSpan second) : IDemoPlan
    {
        public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements)
        {
            var year = new TinyYear().Writes(settings, agreements).ToList();
            var jail = year.First(write => write.Path == WriteGroups.Bookings).By;
            return [.. year[..^1], TinyYear.Booking(Deadline + first, jail, "DEMO-E"), TinyYear.Booking(Deadline + second, jail, "DEMO-F"), year[^1]];
        }
    }
}

/// <summary>The loader writes only into an empty database or one holding its own year.</summary>
public sealed class DemoDatabaseTests
{
    [Fact]
    public async Task a_database_with_events_and_no_demo_mark_is_refused_and_left_as_it_is()
    {
        await using var loaded = new LoadedTinyYear();
        await loaded.InitializeAsync();
        await loaded.Database.Execute($"delete from {PersistenceSetup.SchemaName}.mt_doc_demomark");
        var before = await loaded.Database.Scalar<long>($"select count(*) from {PersistenceSetup.SchemaName}.mt_events");

        var refused = await loaded.Load();

        refused.Before.ShouldBe(DemoDatabaseState.Refused);
        refused.Why.ShouldContain("no demo mark");
        (await loaded.Database.Scalar<long>($"select count(*) from {PersistenceSetup.SchemaName}.mt_events")).ShouldBe(before);
    }
}

/// <summary>Case writes are applied in process, not over HTTP, yet each sender is held to its endpoint's policy.</summary>
public sealed class InProcessCaseWriteTests
{
    [Fact]
    public async Task a_booking_by_a_sender_without_the_intake_policy_stops_the_load_and_is_not_stored()
    {
        await using var database = await DemoTestDatabase.Create();

        var refused = await Should.ThrowAsync<DemoRefusedException>(() =>
            DemoLoader.Load(database.ConnectionString, new CaseBBookedByAnAnalyst(), LoadedTinyYear.Settings, writers: 4, window: TimeSpan.Zero, DemoTestDatabase.Configure));

        refused.Message.ShouldContain("POST /api/bookings (BookingRecorded) by analyst was answered 403");
        (await database.Scalar<long>($"select count(*) from {PersistenceSetup.SchemaName}.mt_streams where id = '{CaseId.For(TinyYear.Agency(AgreementCatalog.Load()).Ori, "DEMO-B")}'")).ShouldBe(0);
    }

    /// <summary><see cref="TinyYear"/> with case B's booking sent by an analyst, who reads statistics and may not book.</summary>
    private sealed class CaseBBookedByAnAnalyst : IDemoPlan
    {
        public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements) =>
            new TinyYear().Writes(settings, agreements).Select(write => write.Body["data"]?["bookingNumber"]?.ToString() == "DEMO-B"
                ? write with { By = new DemoActor(Roles.Analyst, "analyst-1", []) }
                : write);
    }
}
