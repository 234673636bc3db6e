namespace CaseFlow.Server.Platform;

/// <summary>What a process of CaseFlow.Server does with the store; it sets the daemon's pages and how statements are planned.</summary>
public enum StoreRole
{
    /// <summary>Serves requests and keeps the projections up: short statements, prepared once and planned once.</summary>
    Node,

    /// <summary>
    /// Rebuilds projections: the <c>projections</c> command (an operator's rebuild, ops/verify-read-models) and the
    /// replay benchmark. Large pages of events, each planned with its values.
    /// </summary>
    Rebuild,
}
