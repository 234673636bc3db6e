namespace CaseFlow.Domain.Cases;

/// <summary>
/// A reporting or custody deadline of a case, derived from when things occurred: met, missed, or still running at
/// <see cref="Deadline.Late"/>'s moment of asking. Never appended: a late-arriving fact corrects it.
/// </summary>
public sealed record Deadline(string Rule, DateTimeOffset Due, DateTimeOffset? MetAt, bool Late)
{
    /// <summary>Met at <paramref name="metAt"/>, or not yet: late when met, or by <paramref name="now"/>, after it was due.</summary>
    public static Deadline Judge(string rule, DateTimeOffset due, DateTimeOffset? metAt, DateTimeOffset now) =>
        new(rule, due, metAt, (metAt ?? now) > due);
}

public static class CaseDeadlines
{
    /// <summary>ICE is told of a detainer within about 24 hours of its issue (JEM MOA Appendix A).</summary>
    public static readonly TimeSpan DetainerNotice = TimeSpan.FromHours(24);

    /// <summary>A citizenship claim is reported "immediately, but generally within one hour" (JEM and WSO Appendix A).</summary>
    public static readonly TimeSpan ClaimReport = TimeSpan.FromHours(1);

    /// <summary>The hold limit's rule: the person left the jail's custody (transfer or release) by the hold's deadline.</summary>
    public const string HoldLimit = "hold-ended-within-limit";

    public static IReadOnlyList<Deadline> Of(CaseFile state, DateTimeOffset now)
    {
        var deadlines = new List<Deadline>();
        if (state.Model == ProgramModel.JEM && state.Detainer?.LodgedAt is { } lodged)
            deadlines.Add(Deadline.Judge("ice-notified-of-detainer-within-24h", lodged + DetainerNotice, state.Detainer.IceNotifiedAt, now));
        if (state.ClaimAssertedAt is { } asserted)
            deadlines.Add(Deadline.Judge("citizenship-claim-reported-within-1h", asserted + ClaimReport, state.ClaimReportedAt, now));
        if (state.Hold?.Deadline is { } holdEnds)
            deadlines.Add(Deadline.Judge(HoldLimit, holdEnds, state.TransferredToIceAt ?? state.ReleasedAt, now));
        return deadlines;
    }
}
