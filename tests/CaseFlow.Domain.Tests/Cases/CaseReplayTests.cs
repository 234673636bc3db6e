using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Cases.CaseKit;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>
/// Where each axis cuts a history with a late-reported fact and a void: by version and by recording instant the
/// stream's prefix (the void only once recorded); by occurrence instant every kept event that occurred by then, the
/// late fact in, the voided event and the void itself out.
/// </summary>
public class CaseReplayTests
{
    /// <summary>
    /// The JEM path to the detainer's service (versions 1-9, each recorded as it occurred, the booking referred half an
    /// hour after booking), then a void of the interview recorded at hour 20 (10), then ICE's notice of hour 9 reported
    /// late, at hour 30 (11).
    /// </summary>
    private static readonly IReadOnlyList<RecordedCaseEvent> History = Recorded();

    private static IReadOnlyList<RecordedCaseEvent> Recorded()
    {
        var steps = Path().Take(9).Select((e, i) => (Event: e, Occurred: i == 0 ? 0.5 : i, Recorded: i == 0 ? 0.5 : i)).ToList();
        steps.Add((new EventVoided(Id(3), "entered on the wrong booking"), 20, 20));
        steps.Add((new IceNotifiedOfDetainer(T0.AddHours(9)), 9, 30));
        return [.. steps.Select((s, i) => new RecordedCaseEvent(
            i + 1, Id(i), s.Event, T0.AddHours(s.Occurred), T0.AddHours(s.Recorded), i < 5 ? "2026.1.1" : PolicyVersion.Current, $"hash-{i + 1}"))];
    }

    public enum Axis
    {
        Version,
        Recorded,
        Occurred,
    }

    [Theory]
    // axis, cut (a version, or hours after T0), events folded, status, interviewed, ICE notified at (hours), versions left out
    [InlineData(Axis.Version, 4, 4, CaseStatus.Screening, true, null, "")]
    [InlineData(Axis.Version, 9, 9, CaseStatus.DetainerActive, true, null, "")]
    [InlineData(Axis.Version, 10, 10, CaseStatus.DetainerActive, false, null, "")]
    [InlineData(Axis.Version, 11, 11, CaseStatus.DetainerActive, false, 9.0, "")]
    [InlineData(Axis.Recorded, 3.5, 4, CaseStatus.Screening, true, null, "")]
    [InlineData(Axis.Recorded, 19.9, 9, CaseStatus.DetainerActive, true, null, "")]
    [InlineData(Axis.Recorded, 29.9, 10, CaseStatus.DetainerActive, false, null, "")]
    [InlineData(Axis.Recorded, 30, 11, CaseStatus.DetainerActive, false, 9.0, "")]
    [InlineData(Axis.Occurred, 3.5, 3, CaseStatus.Screening, false, null, "4:Voided 5:OccurredLater 6:OccurredLater 7:OccurredLater 8:OccurredLater 9:OccurredLater 10:Correction 11:OccurredLater")]
    [InlineData(Axis.Occurred, 8.5, 8, CaseStatus.DetainerActive, false, null, "4:Voided 10:Correction 11:OccurredLater")]
    [InlineData(Axis.Occurred, 9, 9, CaseStatus.DetainerActive, false, 9.0, "4:Voided 10:Correction")]
    public void each_axis_cuts_the_history_where_its_instant_says(
        Axis axis, double cut, int folded, CaseStatus status, bool interviewed, double? notifiedAfter, string leftOut)
    {
        var replay = Replay(axis, cut);

        replay.Folded.Count.ShouldBe(folded);
        replay.State!.Status.ShouldBe(status);
        replay.State.Interviewed.ShouldBe(interviewed);
        replay.State.Detainer?.IceNotifiedAt.ShouldBe(notifiedAfter is { } hours ? T0.AddHours(hours) : null);
        string.Join(' ', replay.LeftOut.Select(e => $"{e.Version}:{e.Because}")).ShouldBe(leftOut);
    }

    [Theory]
    [InlineData(Axis.Recorded, 0.4)]
    [InlineData(Axis.Occurred, 0.4)]
    [InlineData(Axis.Version, 0)]
    public void before_the_booking_there_is_no_case(Axis axis, double cut) => Replay(axis, cut).State.ShouldBeNull();

    [Fact]
    public void the_state_by_version_is_the_summary_s_own_fold_at_that_version()
    {
        var live = History.Take(10).Aggregate((CaseFile?)null, (s, e) => CaseFile.Evolve(s, e.EventId, e.Event));

        var replayed = CaseReplays.ThroughVersion(History, 10).State!;

        System.Text.Json.JsonSerializer.Serialize(replayed).ShouldBe(System.Text.Json.JsonSerializer.Serialize(live! with { Version = 10, ChainHead = "hash-10" }));
    }

    [Fact]
    public void the_policy_versions_are_those_of_the_events_folded()
    {
        CaseReplays.ThroughVersion(History, 4).PolicyVersions.ShouldBe(["2026.1.1"]);
        CaseReplays.OccurredAsOf(History, T0.AddHours(9)).PolicyVersions.ShouldBe(["2026.1.1", PolicyVersion.Current]);
    }

    private static CaseReplay Replay(Axis axis, double cut) => axis switch
    {
        Axis.Version => CaseReplays.ThroughVersion(History, (long)cut),
        Axis.Recorded => CaseReplays.RecordedAsOf(History, T0.AddHours(cut)),
        _ => CaseReplays.OccurredAsOf(History, T0.AddHours(cut)),
    };
}
