using CaseFlow.Domain.Officers;

namespace CaseFlow.Domain.Audit;

/// <summary>
/// An officer's act judged again by the officer's record as known now (<see cref="Officer"/>, the record the write
/// path judged it by when it was recorded): an authorization revoked with an effective date at or before the act, or
/// training that was not current then under today's refresher policy, makes it a finding.
/// </summary>
public static class OfficerActs
{
    public const string AuthorizationRule = "authorization-in-force-at-act";

    public static string TrainingRule(RefresherPolicy refresher) => $"training-current-at-act-{refresher.Months}-months";

    public static ExceptionFinding? Judge(Officer officer, ProgramModel model, Guid eventId, DateTimeOffset at, RefresherPolicy refresher, string timeZone)
    {
        var covered = officer.Authorizations.Any(a => a.CoversAt(model, at));
        if (!covered && officer.Authorizations.FirstOrDefault(a => a.Models.Contains(model) && a.EffectiveAt <= at && a.RevokedAt <= at) is { RevokedAt: { } revokedAt })
        {
            return new ExceptionFinding(eventId, ExceptionKind.ActAfterAuthorizationRevoked, AuthorizationRule, at,
                [new FindingInstant("actAt", at), new FindingInstant("revokedAt", revokedAt)], eventId, officer.Id);
        }

        if (!covered || officer.TrainingCurrentAt(model, at, refresher, timeZone))
            return null;
        var lastTrained = officer.LastTrainedAt(model, at);
        return new ExceptionFinding(eventId, ExceptionKind.ActWithTrainingLapsed, TrainingRule(refresher), at,
            [new FindingInstant("actAt", at), .. lastTrained is { } trained ? [new FindingInstant("lastTrainedAt", trained)] : Array.Empty<FindingInstant>()],
            eventId, officer.Id);
    }

    /// <summary>
    /// Whether any act of the officer may fail <see cref="Judge"/>: a revoked authorization, or training completions
    /// (course or refresher) further apart than the refresher interval, or the last one older than it. Generous by up to
    /// a day (time zones), so only officers with a clean record are passed over.
    /// </summary>
    public static bool MayHaveFailedActs(Officer officer, RefresherPolicy refresher, DateTimeOffset now) =>
        officer.Authorizations.Any(a => a.RevokedAt is not null)
        || officer.NominatedFor.Any(model =>
        {
            var completions = officer.Trainings.Where(t => t.Model == model && t.Outcome == TrainingOutcome.Passed).Select(t => t.CompletedAt)
                .Concat(officer.Refreshers.Where(r => r.Model == model).Select(r => r.CompletedAt)).Order().Append(now).ToList();
            return completions.Zip(completions.Skip(1)).Any(pair => pair.Second > pair.First.AddMonths(refresher.Months));
        });
}
