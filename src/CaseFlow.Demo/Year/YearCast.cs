using CaseFlow.Demo.Plan;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;

namespace CaseFlow.Demo.Year;

/// <summary>
/// Who acts in the year, decided before the first write: every agreement's agency with its volume, its officers
/// (nominated from late July so the first cohort is authorized by 1 October; more nominated during the year), a few
/// revocations and complaints, the offline jails, and the agreements suspended or given termination notice.
/// </summary>
public sealed class YearCast
{
    /// <summary>The first cohort's nominations begin on this day (after ICE's list of 2025-07-18), so that its training ends before the year.</summary>
    public static readonly DateOnly NominationsOpen = new(2025, 7, 21);

    /// <summary>
    /// CaseFlow goes live the day before the year (the loader stores the agreements it seeds at 00:00 UTC on 30
    /// September): what happened before is entered from 01:00 UTC that day, one step a minute, flagged late.
    /// </summary>
    public static readonly DateTimeOffset GoesLive = new(2025, 9, 30, 1, 0, 0, TimeSpan.Zero);

    public required IReadOnlyList<Agency> Agencies { get; init; }

    public required IReadOnlyList<IEnumerable<Step>> Governance { get; init; }

    public static YearCast Build(DemoSettings settings, IReadOnlyList<AgreementSigned> agreements)
    {
        var seed = settings.Seed;
        var atScaleOne = Volume.Expected([.. agreements.Select(a => (a.Ori, a.Model))], seed, 1.0);
        var agencies = agreements.Select((a, i) =>
        {
            var offline = a.Model == ProgramModel.JEM && atScaleOne[i] <= YearMixes.OfflineAtMost
                && new Draw(seed, $"offline|{a.Ori}").Chance(YearMixes.OfflineJails);
            return new Agency(a, atScaleOne[i] * settings.Scale, offline, seed);
        }).ToList();

        var lapsing = agencies.Where(a => !a.Offline)
            .OrderBy(a => new Draw(seed, $"lapse|{a.Ori}|{a.Model}").Uniform())
            .Take(AgreementActions.Suspensions + AgreementActions.TerminationNotices).ToList();
        var governance = new List<IEnumerable<Step>>();
        foreach (var agency in agencies)
        {
            var index = lapsing.IndexOf(agency);
            var actions = AgreementActions.For(agency, suspended: index is >= 0 and < AgreementActions.Suspensions,
                terminated: index >= AgreementActions.Suspensions, seed);
            governance.Add(EnteredOnceLive(actions.Timeline()));
            governance.AddRange(Roster(agency, seed).Select(EnteredOnceLive));
        }

        return new YearCast { Agencies = agencies, Governance = governance };
    }

    /// <summary>
    /// A governance timeline as CaseFlow receives it: a step that happened before CaseFlow went live is sent at
    /// <see cref="GoesLive"/> or later, each a minute after the one before it (a stream's next write, and the writes
    /// that depend on it, strictly later), flagged late; the rest as they happen.
    /// </summary>
    private static IEnumerable<Step> EnteredOnceLive(IEnumerable<Step> timeline)
    {
        var sent = GoesLive - TimeSpan.FromMinutes(1);
        foreach (var step in timeline)
        {
            var entered = sent + TimeSpan.FromMinutes(1);
            if (step.At >= entered)
            {
                sent = step.At;
                yield return step;
                continue;
            }

            sent = entered;
            step.Body["late"] = true;
            yield return step with { SentAt = entered };
        }
    }

    /// <summary>The agency's officers and the complaints against them.</summary>
    private static IEnumerable<IEnumerable<Step>> Roster(Agency agency, int seed)
    {
        var draw = new Draw(seed, $"roster|{agency.Ori}|{agency.Model}");
        var clock = agency.Clock;
        var size = Math.Clamp(2 + (int)Math.Round(agency.ExpectedCases / 300), 2, 30);
        var prefix = agency.Model == ProgramModel.JEM ? "J" : "W";
        var roster = new List<OfficerPlan>();
        DateTimeOffset Workday(DateOnly from, int days) =>
            clock.Within(clock.At(from.AddDays(draw.Between(0, days)), new TimeOnly(draw.Between(8, 16), draw.Between(0, 60))), 8, 17, weekdaysOnly: true);
        for (var i = 0; i < size; i++)
            roster.Add(new OfficerPlan(agency, $"{prefix}{i + 1:D3}", Workday(NominationsOpen, 10), mustQualify: i < 2, seed));
        if (agency.Lapses.Count == 0)
        {
            var later = (int)Math.Round(size * YearMixes.MidYearNominees);
            for (var i = 0; i < later; i++)
                roster.Add(new OfficerPlan(agency, $"{prefix}{size + i + 1:D3}", Workday(new DateOnly(2025, 11, 3), 240), mustQualify: false, seed));
        }

        var revokedAt = Workday(new DateOnly(2025, 12, 1), 250);
        var revocable = roster.Skip(2).Where(o => o.AuthorizedAt < revokedAt.AddDays(-1)).ToList();
        if (revocable.Count > 0 && draw.Chance(YearMixes.Revocation))
            draw.Pick(revocable).Revoke(revokedAt);
        agency.Roster = roster;
        var complaints = 0;
        foreach (var officer in roster)
        {
            yield return officer.Timeline();
            if (officer.AuthorizedAt is not null && draw.Chance(YearMixes.Complaint))
                yield return ComplaintPlan.Timeline(agency, officer, ++complaints, seed);
        }
    }
}
