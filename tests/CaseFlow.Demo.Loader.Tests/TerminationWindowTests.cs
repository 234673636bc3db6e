using CaseFlow.Demo.Plan;
using CaseFlow.Demo.Year;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;
using CaseFlow.Server.ReferenceData;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>
/// No window runs past an agreement's termination: a window is stored at its last instant, and CaseFlow refuses a
/// booking the agreement no longer covers at that instant, though it was referred while it did (seed 2026 at scale
/// 7.65 stopped on one, docs/demo.md).
/// </summary>
public sealed class TerminationWindowTests
{
    private static readonly AgreementSigned Agency = TinyYear.Agency(AgreementCatalog.Load());

    private static readonly DateOnly NoticeDate = new(2025, 10, 21);

    /// <summary>The start of the day the notice makes the agreement end, in the agreement's zone.</summary>
    private static readonly DateTimeOffset Terminated = LocalDay.Start(AgreementPolicy.DefaultTerminationDate(NoticeDate), Agency.TimeZone);

    [Fact]
    public async Task a_booking_referred_minutes_before_a_termination_is_stored_before_it_though_the_window_would_run_past_it()
    {
        await using var database = await DemoTestDatabase.Create();

        var result = await DemoLoader.Load(database.ConnectionString, new BookingBeforeTheTermination(), LoadedTinyYear.Settings, writers: 4,
            window: TimeSpan.FromHours(1), DemoTestDatabase.Configure, ct: TestContext.Current.CancellationToken, lanes: 1);

        result.Before.ShouldBe(DemoDatabaseState.Empty);
        var caseG = CaseId.For(Agency.Ori, "DEMO-G");
        (await database.Scalar<DateTime>($"select timestamp from {PersistenceSetup.SchemaName}.mt_events where stream_id = '{caseG}' and type = 'BookingRecorded'"))
            .ShouldBe(Terminated.AddMinutes(-10).UtcDateTime);
        (await database.Scalar<DateTime>($"select timestamp from {PersistenceSetup.SchemaName}.mt_events where stream_id = '{caseG}' and type = 'ReleasedFromLocalCustody'"))
            .ShouldBe(Terminated.AddMinutes(20).UtcDateTime);
    }

    /// <summary>
    /// <see cref="TinyYear"/>, then ICE's termination notice for its agency, then case G booked ten minutes before the
    /// termination takes effect and released (the jail's step, which a terminated agreement allows) twenty minutes after.
    /// </summary>
    private sealed class BookingBeforeTheTermination : IDemoPlan
    {
        public IEnumerable<DemoWrite> Writes(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements)
        {
            var year = new TinyYear().Writes(settings, agreements).ToList();
            var jail = year.First(write => write.Path == WriteGroups.Bookings).By;
            var noticed = new DateTimeOffset(NoticeDate.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
            var released = Terminated.AddMinutes(20);
            return
            [
                .. year,
                TinyYear.Write(noticed, Senders.Headquarters, $"/api/agreements/{Agency.Ori}/{Agency.Model}/events", "TerminationNoticed",
                    new { noticeDate = NoticeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), byParty = "Ice" }),
                TinyYear.Booking(Terminated.AddMinutes(-10), jail, "DEMO-G"),
                TinyYear.Write(released, jail, $"/api/cases/{CaseId.For(Agency.Ori, "DEMO-G")}/events", "ReleasedFromLocalCustody",
                    new { at = TinyYear.Text(released), reason = "Bonded" }),
            ];
        }
    }
}
