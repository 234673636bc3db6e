using CaseFlow.Domain.Agreements;

namespace CaseFlow.Domain.Officers;

/// <summary>
/// The order the MOA sets (§IV.B–D): background check, training, certification, then ICE's authorization, which a
/// signed letter can revoke. Null means accepted.
/// </summary>
public static class OfficerRules
{
    /// <param name="agreements">The agency's agreements, for the models an authorization names.</param>
    public static Refusal? Check(Officer officer, object @event, IReadOnlyList<Agreement> agreements) => @event switch
    {
        BackgroundCheckCompleted e => (officer.NominatedFor.All(m => officer.DisqualifiedFor(m, e.CompletedAt)) ? Disqualified(officer, officer.NominatedFor[0], e.CompletedAt) : null)
            ?? NotBefore(officer.NominatedAt, e.CompletedAt, "the nomination"),
        TrainingCompleted e => Disqualified(officer, e.Model, e.CompletedAt)
            ?? (officer.BackgroundCheck is not { Result: BackgroundCheckResult.Passed } b || b.CompletedAt > e.CompletedAt
                ? new Refusal("background-check-not-passed", "No passed background check", "Training follows a passed ICE background investigation (MOA §IV.B).")
                : null)
            ?? (officer.NominatedFor.Contains(e.Model) ? null
                : new Refusal("not-nominated-for-model", $"Not nominated for {e.Model}", $"The agency nominated this officer for {string.Join(", ", officer.NominatedFor)}."))
            ?? TrainingPolicy.CheckAttempts(officer.AttemptsFor(e.Model), e.Exams),
        OfficerCertified e => Disqualified(officer, e.Model, e.CertifiedAt) ?? NeedsPassedTraining(officer, e.Model, e.CertifiedAt),
        AuthorizationIssued e => e.Models.Select(m => Disqualified(officer, m, e.EffectiveAt)).FirstOrDefault(r => r is not null)
            ?? e.Models.Select(m => officer.CertifiedFor(m, e.EffectiveAt) ? null
                : new Refusal("not-certified", $"Not certified for {m}", $"Authorization for {m} needs the officer's certification for it first (MOA §IV.D).")).FirstOrDefault(r => r is not null)
            ?? e.Models.Select(m => agreements.FirstOrDefault(a => a.Model == m) is { } a && a.IsInForceAt(e.EffectiveAt) ? null
                : new Refusal("agreement-not-in-force", $"No {m} agreement in force", $"Agency {officer.Ori} had no {m} agreement in force at {e.EffectiveAt:u}.")).FirstOrDefault(r => r is not null),
        RefresherCompleted e => Disqualified(officer, e.Model, e.CompletedAt) ?? NeedsPassedTraining(officer, e.Model, e.CompletedAt),
        AuthorizationRevoked e => officer.Authorizations.Any(a => a.RevokedAt is null && a.EffectiveAt <= e.EffectiveAt)
            ? null
            : new Refusal("not-authorized", "No authorization to revoke", $"The officer held no unrevoked authorization at {e.EffectiveAt:u}."),
        CredentialsReturned e => officer.Authorizations.Count == 0
            ? new Refusal("no-credentials", "No credentials were issued", "The officer was never authorized, so holds no ICE credentials.")
            : officer.Authorizations.Any(a => a.RevokedAt is null || a.RevokedAt > e.ReturnedAt)
                ? new Refusal("authorization-still-in-force", "The authorization is still in force", "Revoke the authorization before recording the credentials' return.")
                : null,
        _ => null,
    };

    /// <summary>Effective-dated and per model: an act dated before the disqualification is judged without it.</summary>
    private static Refusal? Disqualified(Officer officer, ProgramModel model, DateTimeOffset at) =>
        officer.DisqualifiedFor(model, at)
            ? new Refusal("officer-disqualified", $"The officer is disqualified for {model}",
                $"The officer stood disqualified for {model} from {officer.DisqualifiedAt(model):u}: a failed background check or two failed exam attempts in {model} training disqualify a nominee (MOA §IV.B–C).")
            : null;

    private static Refusal? NeedsPassedTraining(Officer officer, ProgramModel model, DateTimeOffset by) =>
        officer.PassedTraining(model, by)
            ? null
            : new Refusal("training-not-passed", $"No passed {model} training", $"The officer had not passed ICE's {model} training by {by:u}.");

    private static Refusal? NotBefore(DateTimeOffset earliest, DateTimeOffset at, string what) =>
        at < earliest ? new Refusal("before-nomination", "Earlier than the nomination", $"This cannot precede {what} ({earliest:u}).") : null;
}
