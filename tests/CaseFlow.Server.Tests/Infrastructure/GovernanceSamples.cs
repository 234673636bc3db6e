using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Valid data for each governance event type posted through an event endpoint, keyed by type.</summary>
public static class GovernanceSamples
{
    private static DateTimeOffset Recently => DateTimeOffset.UtcNow.AddHours(-2);

    public static Dictionary<string, object> OfficerSteps() => new()
    {
        ["BackgroundCheckCompleted"] = new BackgroundCheckCompleted(Recently, BackgroundCheckResult.Passed),
        ["TrainingCompleted"] = new { course = "287(g) basic", model = "JEM", completedAt = Envelopes.Instant(Recently), exams = new[] { new { exam = "Law", score = 88 } } },
        ["OfficerCertified"] = new OfficerCertified(ProgramModel.JEM, Recently),
        ["AuthorizationIssued"] = new { models = new[] { "JEM" }, effectiveAt = Envelopes.Instant(Recently), letterRef = "L-1", form70006Ref = "F-1", credentialNumber = "C-9" },
        ["RefresherCompleted"] = new RefresherCompleted(ProgramModel.JEM, Recently),
        ["AuthorizationRevoked"] = new AuthorizationRevoked(Recently, "matrix", "L-2"),
        ["CredentialsReturned"] = new CredentialsReturned(Recently),
    };

    public static Dictionary<string, object> ComplaintSteps() => new()
    {
        ["IceNotifiedOfComplaint"] = new IceNotifiedOfComplaint(Recently),
        ["ComplaintResolved"] = new ComplaintResolved(Recently, ComplaintOutcome.NotSustained),
        ["ComplaintOutcomeReported"] = new ComplaintOutcomeReported(Recently),
    };

    public static Dictionary<string, object> AgreementEvents() => new()
    {
        ["AddendumRecorded"] = new AddendumRecorded(new DateOnly(2026, 1, 15), "Addendum on detainer forms"),
        ["AgreementSuspended"] = new AgreementSuspended(Recently, "Compliance review"),
        ["SuspensionLifted"] = new SuspensionLifted(Recently),
        ["TerminationNoticed"] = new { noticeDate = "2026-03-01", byParty = "Agency" },
        ["AgreementTerminated"] = new AgreementTerminated(Recently, "Ended by the agency"),
        ["ReviewMeetingHeld"] = new ReviewMeetingHeld(new DateOnly(2026, 2, 10), ReviewMeetingType.Annual),
    };
}
