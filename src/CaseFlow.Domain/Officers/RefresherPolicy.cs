namespace CaseFlow.Domain.Officers;

/// <summary>
/// How long an officer's training stays current, in calendar months counted on the agency's local date. The JEM MOA
/// requires refresher training "as needed, but not more frequently than every two years": ICE may not demand a
/// refresher sooner than two years after the last one, so training completed (course or refresher) stays current for
/// 24 months unless the policy setting says otherwise (GAO-21-186 speaks of annual requirements; an operator who
/// follows that sets 12). domain.md: the interval is configurable, never hard-coded.
/// </summary>
public sealed record RefresherPolicy(int Months)
{
    public const int DefaultMonths = 24;
    public const int MaxMonths = 120;

    public static readonly RefresherPolicy Default = new(DefaultMonths);

    /// <summary>
    /// The local date the refresher falls due: <see cref="Months"/> calendar months after the local date the training
    /// was completed (a month end clamps: trained on 31 January, due on the last day of February).
    /// </summary>
    public DateOnly DueOn(DateTimeOffset trainedAt, string timeZone) => LocalDay.Of(trainedAt, timeZone).AddMonths(Months);

    /// <summary>Training is current through its due date, in the agency's time zone: it lapses when the next local day begins.</summary>
    public bool IsCurrent(DateTimeOffset trainedAt, DateTimeOffset instant, string timeZone) =>
        trainedAt <= instant && LocalDay.Of(instant, timeZone) <= DueOn(trainedAt, timeZone);
}
