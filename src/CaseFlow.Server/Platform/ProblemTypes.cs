namespace CaseFlow.Server.Platform;

/// <summary>
/// Every problem type CaseFlow answers with, <c>urn:caseflow:problem:{code}</c>: clients may rely on these codes,
/// and the OpenAPI document lists them on the <c>Problem</c> schema. ProblemTypeTests fails when the code answers
/// with a type missing here.
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:caseflow:problem:";

    /// <summary>The types of answers the HTTP pipeline gives before any endpoint runs, by status.</summary>
    public static readonly IReadOnlyDictionary<int, string> ByStatus = new Dictionary<int, string>
    {
        [401] = "unauthenticated",
        [403] = "forbidden",
        [404] = "route-not-found",
        [405] = "method-not-allowed",
        [406] = "not-acceptable",
        [415] = "unsupported-media-type",
        [500] = "internal-error",
    };

    /// <summary>The code of a pipeline answer of <paramref name="status"/> (<c>http-{status}</c> for a rare one).</summary>
    public static string ForStatus(int status) => ByStatus.GetValueOrDefault(status) ?? $"http-{status}";

    public static readonly IReadOnlyList<string> Codes =
    [
        .. ByStatus.Values,
        // The request
        "invalid-request", "unreadable-body", "body-too-large", "batch-too-large", "rate-limited",
        // Identity and scope
        "officer-mismatch", "officer-not-yours", "role-may-not-post-event-type", "appended-by-caseflow",
        "agreement-not-found", "case-not-found", "complaint-not-found", "officer-not-found", "statistics-scope-not-found", "subject-not-found", "subject-order-not-found",
        // Writes
        "event-id-conflict", "stale-version", "write-failed", "case-busy", "officer-busy", "agreement-busy", "complaint-busy", "subject-busy",
        "booking-already-recorded", "officer-already-nominated", "complaint-already-recorded", "agreement-already-recorded", "subject-order-conflict",
        "subject-key-unavailable", ServiceUnavailable.DatabaseUnavailable,
        // Rules (422 unless said otherwise in docs/events.md)
        "agreement-not-in-force", "agreement-not-suspended", "agreement-terminated", "already-voided", "amendment-without-reason",
        "authorization-still-in-force", "background-check-not-passed", "before-agreement-signed", "before-nomination",
        "biometric-basis-without-match", "citizenship-claim-open", "complaint-not-resolved", "disposition-contradicts-facts",
        "hold-deadline-moot", "hold-expired", "hold-not-at-its-basis", "instant-in-future", "instant-mismatch", "instant-out-of-order",
        "legal-basis-mismatch", "more-than-one-remedial", "no-agreement-for-model", "no-credentials", "no-criminal-charge",
        "no-exam-results", "no-probable-cause", "no-warrant-authority", "not-authorized", "not-certified", "not-nominated-for-model",
        "not-voidable", "nothing-to-review", "officer-disqualified", "officer-not-authorized", "officer-required",
        "release-before-booking", "remedial-without-failure", "review-claimed", "same-admin", "score-out-of-range", "self-approval", "subject-erased",
        "subject-order-carried-out", "subject-sealed", "submission-incomplete", "termination-before-notice",
        "training-not-passed", "unknown-event", "unknown-officer", "void-has-dependents", "void-not-permitted",
        "warrant-served-before-release-eligibility", "termination-already-noticed", "unknown-country-code",
        "citizenship-contradicts-determination", "review-claimed",
        // Replays (docs/events.md, "As-of states")
        Cases.CaseVersions.OutOfRangeProblem,
        // The monthly report (docs/reports.md)
        "report-not-found", "report-busy", "report-release-conflict", "report-release-not-found", "report-proposal-not-found",
        "report-approver-is-proposer", "report-proposal-already-approved", "report-proposal-superseded", "report-month-not-over",
        Reports.PublicVariant.Pending,
        // Checkpoints and whole-store verification (docs/events.md)
        Integrity.IntegrityProblems.NotConfiguredCode, "segment-does-not-verify", "verification-running", "verification-too-long", "checkpoint-pending",
    ];
}
