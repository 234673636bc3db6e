namespace CaseFlow.Domain.Officers;

/// <summary>The agency nominated one of its officers for 287(g) training under the named models.</summary>
public sealed record OfficerNominated(
    Guid OfficerId, string Ori, string BadgeNumber, IReadOnlyList<ProgramModel> Models, DateTimeOffset NominatedAt, string FieldOfficeCode);

public enum BackgroundCheckResult
{
    Passed,
    Failed,
}

/// <summary>ICE's background investigation of the nominee ended.</summary>
public sealed record BackgroundCheckCompleted(DateTimeOffset CompletedAt, BackgroundCheckResult Result);

/// <summary>One exam attempt: its score in percent, and whether it was the remedial retake.</summary>
public sealed record ExamResult(string Exam, int Score, bool Remedial = false);

public enum TrainingOutcome
{
    Passed,
    RemedialRequired,
    Disqualified,
}

/// <summary>
/// ICE's course for a model ended with these exam results; <paramref name="Outcome"/> is judged once, when the
/// results are recorded, under <see cref="TrainingPolicy"/>.
/// </summary>
public sealed record TrainingCompleted(string Course, ProgramModel Model, DateTimeOffset CompletedAt, IReadOnlyList<ExamResult> Exams, TrainingOutcome Outcome);

/// <summary>After training the officer is certified for the model.</summary>
public sealed record OfficerCertified(ProgramModel Model, DateTimeOffset CertifiedAt);

/// <summary>
/// The Field Office Director's authorization letter and ICE Form 70-006 ("Designated Immigration Officer") with
/// credentials: from <paramref name="EffectiveAt"/> the officer may act under these models for the agency.
/// </summary>
public sealed record AuthorizationIssued(
    IReadOnlyList<ProgramModel> Models, DateTimeOffset EffectiveAt, string LetterRef, string Form70006Ref, string CredentialNumber);

/// <summary>A refresher course for the model was completed.</summary>
public sealed record RefresherCompleted(ProgramModel Model, DateTimeOffset CompletedAt);

/// <summary>ICE revoked the officer's authority by signed letter; it ends at <paramref name="EffectiveAt"/>.</summary>
public sealed record AuthorizationRevoked(DateTimeOffset EffectiveAt, string Reason, string LetterRef);

/// <summary>The officer returned the ICE credentials.</summary>
public sealed record CredentialsReturned(DateTimeOffset ReturnedAt);
