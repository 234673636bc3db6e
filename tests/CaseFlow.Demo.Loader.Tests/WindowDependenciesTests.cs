using System.Text.Json.Nodes;
using CaseFlow.Demo.Plan;
using CaseFlow.Server.Security;

namespace CaseFlow.Demo.Loader.Tests;

/// <summary>Only a write that may depend on one already in the window ends it (<see cref="WindowDependencies"/>).</summary>
public sealed class WindowDependenciesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DemoActor JailA = Jail("AA0000001");
    private static readonly DemoActor JailB = Jail("BB0000001");
    private static readonly DemoActor Supervisor = new(Roles.Supervisor, "ice-sdo", [new(CaseFlowClaims.FieldOffice, "XYZ")]);
    private static readonly DemoActor Headquarters = new(Roles.Admin, "ice-hq", []);

    public static TheoryData<string, DemoWrite, DemoWrite, bool> Pairs => new()
    {
        { "case writes of two agencies", Case(JailA, 0), Case(JailB, 5), false },
        { "a case write after its agency's nomination, later", Officers(JailA, 0), Case(JailA, 5), true },
        { "a case write after its agency's nomination, same instant", Officers(JailA, 0), Case(JailA, 0), false },
        { "a case write after another agency's nomination", Officers(JailB, 0), Case(JailA, 5), false },
        { "a case write after its agency's agreement change", Agreement("AA0000001", 0), Case(JailA, 5), true },
        { "a case write after another agency's agreement change", Agreement("BB0000001", 0), Case(JailA, 5), false },
        { "a case write after an officer's event (a supervisor's: every agency's)", OfficerEvent(0), Case(JailB, 5), true },
        { "a supervisor's case write after any governance write", Officers(JailB, 0), SupervisorCase(5), true },
        { "a supervisor's case write after case writes", Case(JailA, 0), SupervisorCase(5), false },
        { "a nomination after its agency's case write", Case(JailA, 0), Officers(JailA, 5), true },
        { "a nomination after another agency's case write", Case(JailB, 0), Officers(JailA, 5), false },
        { "an officer's event after any write", Case(JailB, 0), OfficerEvent(5), true },
        { "an officer's event at the same instant", Case(JailB, 0), OfficerEvent(0), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void a_write_depends_on_the_window_only_through_a_governance_write_of_its_agency_at_an_earlier_instant(string pair, DemoWrite first, DemoWrite then, bool depends)
    {
        var window = new WindowDependencies();
        window.Add(first);

        window.DependsOnWindow(then).ShouldBe(depends, pair);
    }

    [Fact]
    public void a_cleared_window_holds_nothing_to_depend_on()
    {
        var window = new WindowDependencies();
        window.Add(Officers(JailA, 0));
        window.Clear();

        window.DependsOnWindow(Case(JailA, 5)).ShouldBeFalse();
    }

    private static DemoActor Jail(string ori) => new(Roles.ScreeningSystem, $"jail-{ori}", [new(CaseFlowClaims.Ori, ori)]);

    private static DemoWrite At(int minutes, DemoActor by, string path) => new(T0.AddMinutes(minutes), by, path, new JsonObject());

    private static DemoWrite Case(DemoActor jail, int minutes) => At(minutes, jail, "/api/bookings");

    private static DemoWrite SupervisorCase(int minutes) => At(minutes, Supervisor, $"/api/cases/{Guid.Empty}/events");

    private static DemoWrite Officers(DemoActor jail, int minutes) => At(minutes, jail, "/api/officers");

    private static DemoWrite OfficerEvent(int minutes) => At(minutes, Supervisor, $"/api/officers/{Guid.Empty}/events");

    private static DemoWrite Agreement(string ori, int minutes) => At(minutes, Headquarters, $"/api/agreements/{ori}/WSO/events");
}
