using CaseFlow.Domain.Officers;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Governance;

/// <summary>Governance settings (configuration section <c>Governance</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>
    /// How many calendar months completed training stays current before a refresher is due, counted on the agency's
    /// local date (see <see cref="RefresherPolicy"/>).
    /// </summary>
    public int RefresherMonths { get; set; } = RefresherPolicy.DefaultMonths;

    public RefresherPolicy Refresher => new(RefresherMonths);
}

/// <summary>A node with a refresher interval outside 1 to 120 months does not start: it would misjudge every officer step.</summary>
public sealed class GovernanceOptionsValidation : IValidateOptions<GovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GovernanceOptions options) =>
        options.RefresherMonths is >= 1 and <= RefresherPolicy.MaxMonths
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Governance:RefresherMonths must be a whole number of months from 1 to {RefresherPolicy.MaxMonths} (default {RefresherPolicy.DefaultMonths}).");
}
