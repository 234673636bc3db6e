namespace CaseFlow.Domain.Officers;

/// <summary>
/// How long an officer's training stays current. The JEM MOA requires refresher training "as needed, but not more
/// frequently than every two years": ICE may not demand a refresher sooner than two years after the last one, so
/// training completed (course or refresher) stays current for two years unless the policy setting says otherwise
/// (GAO-21-186 speaks of annual requirements; an operator who follows that sets one year).
/// </summary>
public static class RefresherPolicy
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(730);
}
