namespace CaseFlow.Domain.Agreements;

/// <summary>What may happen to an agreement, given its effective-dated state; null means accepted.</summary>
public static class AgreementRules
{
    public static Refusal? Check(Agreement agreement, object @event) => @event switch
    {
        AgreementSuspended e => NotBeforeSigning(agreement, e.EffectiveAt)
            ?? (agreement.IsInForceAt(e.EffectiveAt) ? null : NotInForce(agreement, e.EffectiveAt, "suspended")),
        SuspensionLifted e => NotBeforeSigning(agreement, e.EffectiveAt)
            ?? (agreement.StatusAt(e.EffectiveAt) == AgreementStatus.Suspended ? null
                : new Refusal("agreement-not-suspended", "The agreement was not suspended",
                    $"The agreement was {agreement.StatusAt(e.EffectiveAt)} at {e.EffectiveAt:u}, so there is no suspension to lift.")),
        TerminationNoticed e => agreement.TerminationNotice is { } earlier
            ? new Refusal("termination-already-noticed", "Termination was already noticed",
                $"A termination notice of {earlier.NoticeDate:yyyy-MM-dd} fixed the end on {earlier.EffectiveOn:yyyy-MM-dd}; a notice is given once and its date does not move.")
            : e.EffectiveOn < e.NoticeDate
            ? new Refusal("termination-before-notice", "Termination cannot precede its notice", "The effective date is before the notice date.")
            : AlreadyTerminated(agreement, agreement.StartOf(e.NoticeDate)) ?? NotBeforeSigning(agreement, agreement.StartOf(e.NoticeDate)),
        AgreementTerminated e => NotBeforeSigning(agreement, e.EffectiveAt) ?? AlreadyTerminated(agreement, e.EffectiveAt),
        AddendumRecorded e => NotBeforeSigning(agreement, agreement.StartOf(e.SignedOn)),
        ReviewMeetingHeld e => NotBeforeSigning(agreement, agreement.StartOf(e.HeldOn)),
        _ => null,
    };

    private static Refusal? NotBeforeSigning(Agreement agreement, DateTimeOffset at) =>
        agreement.StatusAt(at) is null
            ? new Refusal("before-agreement-signed", "The agreement was not signed yet",
                $"The {agreement.Model} agreement of {agreement.Ori} took effect on {agreement.SignedOn:yyyy-MM-dd}.")
            : null;

    private static Refusal? AlreadyTerminated(Agreement agreement, DateTimeOffset at) =>
        agreement.Periods.Any(p => p.Status == AgreementStatus.Terminated && p.From <= at)
            ? new Refusal("agreement-terminated", "The agreement is terminated", $"The {agreement.Model} agreement of {agreement.Ori} had ended by {at:u}.")
            : null;

    private static Refusal NotInForce(Agreement agreement, DateTimeOffset at, string action) =>
        new("agreement-not-in-force", $"The agreement cannot be {action}",
            $"The {agreement.Model} agreement of {agreement.Ori} was {agreement.StatusAt(at)} at {at:u}.");
}
