namespace CaseFlow.Domain.Cases;

/// <summary>
/// What supervisory review must see: every document prepared since the last review decision (the I-213 and each
/// charging document). A submission that leaves one out is refused, and so is approving one.
/// </summary>
public static class ReviewPackage
{
    public static IReadOnlySet<ReviewItem> PreparedSinceLastDecision(CaseFile state)
    {
        var kept = state.KeptEvents().ToList();
        var lastDecision = kept.FindLastIndex(e => e is ReviewReturnedForCorrection or ReviewApproved);
        return kept.Skip(lastDecision + 1)
            .Select(e => e switch { I213Prepared => ReviewItem.I213, ChargingDocumentPrepared => ReviewItem.ChargingDocument, _ => (ReviewItem?)null })
            .OfType<ReviewItem>()
            .ToHashSet();
    }

    public static Refusal? Check(CaseFile state, IReadOnlyList<ReviewItem> submitted) =>
        PreparedSinceLastDecision(state).Except(submitted).ToList() is { Count: > 0 } missing
            ? new Refusal("submission-incomplete", "The submission leaves out prepared documents",
                $"Supervisory review covers every document prepared since the last decision; missing: {string.Join(", ", missing.Order())}.")
            : null;
}
