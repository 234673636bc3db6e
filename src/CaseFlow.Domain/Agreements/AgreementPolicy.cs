namespace CaseFlow.Domain.Agreements;

/// <summary>The MOA's terms CaseFlow applies to agreements (JEM and WSO MOA §VIII).</summary>
public static class AgreementPolicy
{
    /// <summary>Termination takes effect 90 days after written notice unless the notice states otherwise.</summary>
    public const int TerminationNoticeDays = 90;

    public static readonly TimeSpan TerminationNotice = TimeSpan.FromDays(TerminationNoticeDays);

    public static DateOnly DefaultTerminationDate(DateOnly noticeDate) => noticeDate.AddDays(TerminationNoticeDays);
}
