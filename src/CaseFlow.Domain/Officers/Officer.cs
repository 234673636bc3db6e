using CaseFlow.Domain.Integrity;

namespace CaseFlow.Domain.Officers;

public enum OfficerStatus
{
    Nominated,
    Disqualified,
    Trained,
    Certified,
    Authorized,
    Revoked,
}

public sealed record Training(string Course, ProgramModel Model, DateTimeOffset CompletedAt, TrainingOutcome Outcome);

/// <summary>An authorization for some models, in force from <see cref="EffectiveAt"/> until <see cref="RevokedAt"/>.</summary>
public sealed record Authorization(
    IReadOnlyList<ProgramModel> Models, DateTimeOffset EffectiveAt, string LetterRef, string Form70006Ref, string CredentialNumber,
    DateTimeOffset? RevokedAt = null, string? RevocationReason = null, string? RevocationLetterRef = null)
{
    public bool CoversAt(ProgramModel model, DateTimeOffset instant) =>
        Models.Contains(model) && EffectiveAt <= instant && (RevokedAt is null || instant < RevokedAt);
}

/// <summary>
/// A designated officer's record, effective-dated so rules can ask what held at any instant: nomination,
/// background check, training and exam outcomes, certification, authorizations (each with its revocation),
/// refreshers, credentials returned.
/// </summary>
public sealed record Officer : IChainedState<Officer>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ChainHead { get; init; } = "";
    public required string Ori { get; init; }
    public required string BadgeNumber { get; init; }
    public required string FieldOfficeCode { get; init; }
    public IReadOnlyList<ProgramModel> NominatedFor { get; init; } = [];
    public DateTimeOffset NominatedAt { get; init; }
    public BackgroundCheckCompleted? BackgroundCheck { get; init; }
    public IReadOnlyList<Training> Trainings { get; init; } = [];
    public IReadOnlyList<OfficerCertified> Certifications { get; init; } = [];
    public IReadOnlyList<Authorization> Authorizations { get; init; } = [];
    public IReadOnlyList<RefresherCompleted> Refreshers { get; init; } = [];
    public DateTimeOffset? CredentialsReturnedAt { get; init; }

    /// <summary>The stable sort and paging key of rosters.</summary>
    public string Key => $"{Ori}:{BadgeNumber}";

    public bool Disqualified =>
        BackgroundCheck?.Result == BackgroundCheckResult.Failed || Trainings.Any(t => t.Outcome == TrainingOutcome.Disqualified);

    public bool PassedTraining(ProgramModel model, DateTimeOffset by) =>
        Trainings.Any(t => t.Model == model && t.Outcome == TrainingOutcome.Passed && t.CompletedAt <= by);

    public bool CertifiedFor(ProgramModel model, DateTimeOffset by) => Certifications.Any(c => c.Model == model && c.CertifiedAt <= by);

    /// <summary>When the officer's training for the model was last completed (the course or a refresher) by an instant.</summary>
    public DateTimeOffset? LastTrainedAt(ProgramModel model, DateTimeOffset by) =>
        Trainings.Where(t => t.Model == model && t.Outcome == TrainingOutcome.Passed).Select(t => t.CompletedAt)
            .Concat(Refreshers.Where(r => r.Model == model).Select(r => r.CompletedAt))
            .Where(at => at <= by)
            .Select(at => (DateTimeOffset?)at)
            .Max();

    public DateTimeOffset? RefresherDue(ProgramModel model, TimeSpan refresherInterval, DateTimeOffset by) =>
        LastTrainedAt(model, by) + refresherInterval;

    /// <summary>
    /// Whether the officer could act for the agency under the model at an instant: an unrevoked authorization for
    /// the model, not disqualified, and training current under the refresher interval.
    /// </summary>
    public bool IsAuthorizedAt(string ori, ProgramModel model, DateTimeOffset instant, TimeSpan refresherInterval) =>
        ori == Ori
        && !Disqualified
        && Authorizations.Any(a => a.CoversAt(model, instant))
        && RefresherDue(model, refresherInterval, instant) > instant;

    public OfficerStatus StatusAt(DateTimeOffset instant) =>
        Disqualified ? OfficerStatus.Disqualified
        : Authorizations.Any(a => a.EffectiveAt <= instant && (a.RevokedAt is null || instant < a.RevokedAt)) ? OfficerStatus.Authorized
        : Authorizations.Count > 0 && Authorizations.Any(a => a.EffectiveAt <= instant) ? OfficerStatus.Revoked
        : Certifications.Any(c => c.CertifiedAt <= instant) ? OfficerStatus.Certified
        : Trainings.Any(t => t.Outcome == TrainingOutcome.Passed && t.CompletedAt <= instant) ? OfficerStatus.Trained
        : OfficerStatus.Nominated;

    public Officer AtHead(long version, string chainHead) => this with { Version = version, ChainHead = chainHead };

    public static Officer Nominate(OfficerNominated e) => new()
    {
        Id = e.OfficerId,
        Ori = e.Ori,
        BadgeNumber = e.BadgeNumber,
        FieldOfficeCode = e.FieldOfficeCode,
        NominatedFor = e.Models,
        NominatedAt = e.NominatedAt,
    };

    public static Officer? Evolve(Officer? state, object @event) => (state, @event) switch
    {
        (_, OfficerNominated e) => Nominate(e),
        (not null, BackgroundCheckCompleted e) => state with { BackgroundCheck = e },
        (not null, TrainingCompleted e) => state with { Trainings = [.. state.Trainings, new Training(e.Course, e.Model, e.CompletedAt, e.Outcome)] },
        (not null, OfficerCertified e) => state with { Certifications = [.. state.Certifications, e] },
        (not null, AuthorizationIssued e) => state with
        {
            Authorizations = [.. state.Authorizations, new Authorization(e.Models, e.EffectiveAt, e.LetterRef, e.Form70006Ref, e.CredentialNumber)],
        },
        (not null, RefresherCompleted e) => state with { Refreshers = [.. state.Refreshers, e] },
        (not null, AuthorizationRevoked e) => state with
        {
            Authorizations = [.. state.Authorizations.Select(a => a.RevokedAt is null && a.EffectiveAt <= e.EffectiveAt
                ? a with { RevokedAt = e.EffectiveAt, RevocationReason = e.Reason, RevocationLetterRef = e.LetterRef }
                : a)],
        },
        (not null, CredentialsReturned e) => state with { CredentialsReturnedAt = e.ReturnedAt },
        _ => state,
    };
}
