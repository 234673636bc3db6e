using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Statistics;

/// <summary>
/// A stretch of time in which the officer counts as certified for <see cref="Model"/> at a month's end, and whether
/// their refresher for it is overdue throughout: from <see cref="FromUtcTicks"/> up to, not including,
/// <see cref="UntilUtcTicks"/> (null: still so). Instants are kept as UTC ticks so that a comparison in SQL is exact.
/// </summary>
public sealed record OfficerPeriod(ProgramModel Model, long FromUtcTicks, long? UntilUtcTicks, bool RefresherOverdue);

/// <summary>
/// The officer counts of <see cref="ProgramMeasures.Officers"/> as stretches of time, so that a month's end can be
/// counted by a query instead of a fold: each standing is a step function of time that changes only at an instant of
/// the officer's record or on the local day after a refresher's due date, so the standing judged at each such
/// instant by the same rules holds until the next one.
/// </summary>
public static class OfficerPeriods
{
    public static IReadOnlyList<OfficerPeriod> Of(Officer officer, string timeZone, RefresherPolicy refresher) =>
        [.. officer.NominatedFor.Distinct().SelectMany(model => Of(officer, model, timeZone, refresher))];

    private static IEnumerable<OfficerPeriod> Of(Officer officer, ProgramModel model, string timeZone, RefresherPolicy refresher)
    {
        var changes = Changes(officer, timeZone, refresher).Distinct().Order().ToList();
        OfficerPeriod? open = null;
        foreach (var at in changes)
        {
            var standing = ProgramMeasures.Standing(officer, model, at, refresher, timeZone);
            if (open is not null && open.RefresherOverdue == standing?.RefresherOverdue)
                continue;
            if (open is not null)
                yield return open with { UntilUtcTicks = at.UtcTicks };
            open = standing is { } certified ? new OfficerPeriod(model, at.UtcTicks, null, certified.RefresherOverdue) : null;
        }

        if (open is not null)
            yield return open;
    }

    /// <summary>Every instant at which a standing can change: the record's own instants, and the start of each local day after a due date.</summary>
    private static IEnumerable<DateTimeOffset> Changes(Officer officer, string timeZone, RefresherPolicy refresher)
    {
        var trained = officer.Trainings.Select(t => t.CompletedAt).Concat(officer.Refreshers.Select(r => r.CompletedAt)).ToList();
        return trained
            .Concat(officer.Certifications.Select(c => c.CertifiedAt))
            .Concat(officer.Authorizations.SelectMany(a => a.RevokedAt is { } revoked ? [a.EffectiveAt, revoked] : new[] { a.EffectiveAt }))
            .Concat(officer.NominatedFor.Select(officer.DisqualifiedAt).OfType<DateTimeOffset>())
            .Concat(trained.Select(at => LocalDay.Start(refresher.DueOn(at, timeZone).AddDays(1), timeZone)));
    }
}
