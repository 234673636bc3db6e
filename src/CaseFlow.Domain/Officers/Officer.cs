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

public sealed record Training(string Course, ProgramModel Model, DateTimeOffset CompletedAt, IReadOnlyList<ExamResult> Exams, TrainingOutcome Outcome);

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

    /// <summary>Every exam attempt recorded for the model, over all its training events.</summary>
    public IReadOnlyList<ExamResult> AttemptsFor(ProgramModel model) => [.. Trainings.Where(t => t.Model == model).SelectMany(t => t.Exams)];

    /// <summary>
    /// When the officer became disqualified for the model: a failed background check (every model), or the training
    /// whose attempts, in the order they were completed, brought the model's failures to two. Null while qualified.
    /// </summary>
    public DateTimeOffset? DisqualifiedAt(ProgramModel model)
    {
        DateTimeOffset? byBackground = BackgroundCheck is { Result: BackgroundCheckResult.Failed } failed ? failed.CompletedAt : null;
        var failures = 0;
        foreach (var training in Trainings.Where(t => t.Model == model).OrderBy(t => t.CompletedAt))
        {
            failures += training.Exams.Count(TrainingPolicy.Failed);
            if (failures >= TrainingPolicy.FailuresThatDisqualify)
                return byBackground < training.CompletedAt ? byBackground : training.CompletedAt;
        }

        return byBackground;
    }

    /// <summary>Whether the officer stood disqualified for the model at an instant: acts before it are judged without it.</summary>
    public bool DisqualifiedFor(ProgramModel model, DateTimeOffset instant) => DisqualifiedAt(model) <= instant;

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

    /// <summary>The agency-local date a refresher for the model falls due, from the training last completed by an instant.</summary>
    public DateOnly? RefresherDueOn(ProgramModel model, RefresherPolicy refresher, string timeZone, DateTimeOffset by) =>
        LastTrainedAt(model, by) is { } trainedAt ? refresher.DueOn(trainedAt, timeZone) : null;

    public bool TrainingCurrentAt(ProgramModel model, DateTimeOffset instant, RefresherPolicy refresher, string timeZone) =>
        LastTrainedAt(model, instant) is { } trainedAt && refresher.IsCurrent(trainedAt, instant, timeZone);

    /// <summary>
    /// Whether the officer could act for the agency under the model at an instant: an unrevoked authorization for
    /// the model, not disqualified for it then, and training current under the refresher policy on the agency's
    /// local date (<paramref name="timeZone"/>).
    /// </summary>
    public bool IsAuthorizedAt(string ori, ProgramModel model, DateTimeOffset instant, RefresherPolicy refresher, string timeZone) =>
        ori == Ori
        && !DisqualifiedFor(model, instant)
        && Authorizations.Any(a => a.CoversAt(model, instant))
        && TrainingCurrentAt(model, instant, refresher, timeZone);

    /// <summary>Disqualified once disqualified for every model the officer was nominated for.</summary>
    public OfficerStatus StatusAt(DateTimeOffset instant) =>
        NominatedFor.All(m => DisqualifiedFor(m, instant)) ? OfficerStatus.Disqualified
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

    static Officer? IChainedState<Officer>.Evolve(Officer? state, Guid eventId, object @event) => Evolve(state, @event);

    public static Officer? Evolve(Officer? state, object @event) => (state, @event) switch
    {
        (_, OfficerNominated e) => Nominate(e),
        (not null, BackgroundCheckCompleted e) => state with { BackgroundCheck = e },
        (not null, TrainingCompleted e) => state with { Trainings = [.. state.Trainings, new Training(e.Course, e.Model, e.CompletedAt, e.Exams, e.Outcome)] },
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
