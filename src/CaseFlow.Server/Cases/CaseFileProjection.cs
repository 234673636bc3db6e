using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Cases;

/// <summary>The inline case summary: what a writer reads back at once, with the head of the case's chain.</summary>
public partial class CaseFileProjection() : ChainedProjection<CaseFile>(EventCatalogue.CaseEvents);
