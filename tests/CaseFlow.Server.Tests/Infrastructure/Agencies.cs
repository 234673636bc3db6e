namespace CaseFlow.Server.Tests.Infrastructure;

/// <summary>Agencies of ICE's list of 2025-07-18 that the tests act for.</summary>
public static class Agencies
{
    /// <summary>Fort Bend County Sheriff's Office (TX, Houston AOR): JEM and WSO agreements, both signed 2025-05-28.</summary>
    public const string FortBend = "TX0790000";

    /// <summary>Aransas County Sheriff's Office (TX, Harlingen AOR): a JEM agreement only, signed 2020-06-08.</summary>
    public const string Aransas = "TX0040000";
}
