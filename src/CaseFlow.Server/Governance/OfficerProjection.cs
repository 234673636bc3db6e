using CaseFlow.Domain;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Governance;

/// <summary>The inline, effective-dated officer record the case rules ask "was this officer authorized then".</summary>
public partial class OfficerProjection() : ChainedProjection<Officer>(EventCatalogue.OfficerEvents);

/// <summary>The inline complaint with the instants its deadlines are derived from.</summary>
public partial class ComplaintProjection() : ChainedProjection<Complaint>(EventCatalogue.ComplaintEvents);
