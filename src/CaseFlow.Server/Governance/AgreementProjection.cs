using CaseFlow.Domain.Agreements;
using Marten.Events.Aggregation;

namespace CaseFlow.Server.Governance;

/// <summary>The inline agreement snapshot; the state itself and its transitions live in the domain.</summary>
public partial class AgreementProjection : SingleStreamProjection<Agreement, Guid>
{
    public Agreement Create(AgreementSigned e) => Agreement.Create(e);
}
