namespace CaseFlow.Domain;

/// <summary>The 287(g) models CaseFlow processes. The Task Force Model is field work and out of scope.</summary>
public enum ProgramModel
{
    /// <summary>Jail Enforcement Model: designated officers screen, process and lodge detainers in the jail.</summary>
    JEM,

    /// <summary>Warrant Service Officer: officers serve and execute ICE warrants at the scheduled release.</summary>
    WSO,
}
