using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Governance;

/// <summary>The inline agreement state: effective-dated status periods, notices, addenda and reviews.</summary>
public partial class AgreementProjection() : ChainedProjection<Agreement>(EventCatalogue.AgreementEvents);
