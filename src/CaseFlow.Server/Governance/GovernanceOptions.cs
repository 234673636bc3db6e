using CaseFlow.Domain.Officers;

namespace CaseFlow.Server.Governance;

/// <summary>Governance settings (configuration section <c>Governance</c>).</summary>
public sealed class GovernanceOptions
{
    /// <summary>How long completed training stays current before a refresher is due (see <see cref="RefresherPolicy"/>).</summary>
    public TimeSpan RefresherInterval { get; set; } = RefresherPolicy.Default;
}
