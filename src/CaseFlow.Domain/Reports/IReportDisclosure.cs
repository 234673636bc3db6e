namespace CaseFlow.Domain.Reports;

/// <summary>
/// The public variant of a released monthly report (issue 17 point 4): small cells suppressed, consistently with every
/// release published before it. The server answers <c>?variant=public</c> with what <see cref="Disclose"/> returns, as
/// JSON; while no implementation is registered it answers 409 <c>public-variant-unavailable</c>.
/// </summary>
public interface IReportDisclosure
{
    /// <param name="released">The release asked for, as approved.</param>
    /// <param name="earlierReleases">Every release approved before it (other months, earlier versions), oldest first.</param>
    object Disclose(MonthlyReport released, IReadOnlyList<MonthlyReport> earlierReleases);
}
