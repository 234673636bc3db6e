using CaseFlow.Demo.Plan;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Year;

/// <summary>
/// One agreement's agency in the year: its local clock, the cases it is expected to refer (<see cref="Volume"/>),
/// its officers (<see cref="Roster"/>), the periods its agreement is not in force (<see cref="Lapses"/>), and whether
/// its jail system is offline, sending what happened in batches every <see cref="FlushDays"/> days.
/// </summary>
public sealed class Agency
{
    /// <summary>An offline jail sends its batch at this local hour.</summary>
    public const int FlushHour = 2;

    public Agency(AgreementSigned agreement, double expectedCases, bool offline, int seed)
    {
        Agreement = agreement;
        ExpectedCases = expectedCases;
        Clock = new LocalClock(agreement.TimeZone);
        Jail = Senders.Jail(agreement.Ori);
        var draw = new Draw(seed, $"agency|{agreement.Ori}|{agreement.Model}");
        FlushDays = offline ? draw.Between(2, 6) : 0;
    }

    public AgreementSigned Agreement { get; }

    public string Ori => Agreement.Ori;

    public ProgramModel Model => Agreement.Model;

    public LocalClock Clock { get; }

    public DemoActor Jail { get; }

    public double ExpectedCases { get; }

    public int FlushDays { get; }

    public bool Offline => FlushDays > 0;

    public IReadOnlyList<OfficerPlan> Roster { get; set; } = [];

    /// <summary>When the agreement stops being in force (suspended or terminated) and, for a suspension, when it is in force again.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset? Until)> Lapses { get; set; } = [];

    public string AgreementPath => $"/api/agreements/{Ori}/{Model}/events";

    public DemoActor Ice(int index) => Senders.Ice(Agreement.FieldOfficeCode, index);

    public bool InForceAt(DateTimeOffset at) =>
        !Lapses.Any(l => at >= l.From && (l.Until is not { } until || at < until));

    /// <summary>A badge of an officer authorized for the agency's model at <paramref name="at"/> (drawn among them), or null when none is.</summary>
    public string? OfficerOn(DateTimeOffset at, Draw draw)
    {
        var onDuty = Roster.Where(o => o.MayActAt(at)).ToList();
        return onDuty.Count == 0 ? null : draw.Pick(onDuty).Badge;
    }

    public bool Authorized(string badge, DateTimeOffset at) => Roster.Any(o => o.Badge == badge && o.MayActAt(at));

    /// <summary>When an offline jail sends what happened at <paramref name="at"/>: its next batch, strictly later.</summary>
    public DateTimeOffset NextFlush(DateTimeOffset at)
    {
        var day = Clock.LocalDate(at);
        var epoch = DemoSettings.FirstDay.AddDays(-10);
        var offset = (day.DayNumber - epoch.DayNumber) % FlushDays;
        var next = day.AddDays((FlushDays - offset) % FlushDays);
        var flush = Clock.At(next, new TimeOnly(FlushHour, 0));
        return flush > at ? flush : Clock.At(next.AddDays(FlushDays), new TimeOnly(FlushHour, 0));
    }
}
