using CaseFlow.Domain.Agreements;

namespace CaseFlow.Server.Governance;

/// <summary>An agreement with its status at the moment asked about (now, unless the caller asked as of another instant).</summary>
public sealed record AgreementView(Agreement Agreement, DateTimeOffset AsOf, AgreementStatus? Status, bool InForce)
{
    public static AgreementView At(Agreement agreement, DateTimeOffset asOf) =>
        new(agreement, asOf, agreement.StatusAt(asOf), agreement.IsInForceAt(asOf));
}
