using CaseFlow.Demo.Plan;

namespace CaseFlow.Demo.Year;

/// <summary>
/// The senders of the year and the claims their tokens carry (src/CaseFlow.Server/Security): an agency's screening
/// system (its ORI; it names the acting officer's badge in the envelope), ICE supervisors of a field office (the
/// warrant types they may issue) and ICE headquarters' administrator (agreements).
/// </summary>
public static class Senders
{
    public const string ScreeningSystem = "screening-system";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>Each field office has this many supervisors; the first is a deputy field office director who may issue I-205s too.</summary>
    public const int SupervisorsPerFieldOffice = 3;

    public static readonly DemoActor Headquarters = new(Admin, "ice-hq-287g-admin", []);

    public static DemoActor Jail(string ori) => new(ScreeningSystem, $"jail-{ori}", [new("ori", ori)]);

    /// <summary>Supervisor <paramref name="index"/> (0-based) of the field office; index 0 holds I-200 and I-205 authority, the others I-200.</summary>
    public static DemoActor Ice(string fieldOffice, int index) => new(Supervisor, $"ice-{fieldOffice}-sdo{index + 1}".ToLowerInvariant(),
        [new("field_office", fieldOffice), new("warrant_authority", index == 0 ? "I-200 I-205" : "I-200")]);
}
