using System.Text.Json.Nodes;

namespace CaseFlow.Demo.Year;

/// <summary>
/// The synthetic, deterministic content of a booking: the person's name and date of birth (they go to the subject
/// vault, never into an event) and the state charges the person is held on.
/// </summary>
public static class People
{
    private static readonly string[] Given =
    [
        "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Pedro", "Francisco", "Marvin", "Wilmer", "Edwin", "Kevin", "Brayan", "Óscar",
        "María", "Ana", "Rosa", "Karla", "Yesenia", "Daniel", "David", "Alejandro", "Ricardo", "Mohammed", "Wei", "Thanh", "Jean", "Samuel",
    ];

    private static readonly string[] Family =
    [
        "García", "Hernández", "López", "Martínez", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales",
        "Reyes", "Ortiz", "Castillo", "Chávez", "Vásquez", "Méndez", "Aguilar", "Pineda", "Nguyen", "Silva", "Joseph", "Santos", "Alvarado",
    ];

    /// <summary>State charges as a jail books them (code, description, level); the first <see cref="CriminalCharges"/> are criminal.</summary>
    private static readonly (string Code, string Description, string Level)[] Charges =
    [
        ("DWI", "Driving while intoxicated", "Misdemeanor"), ("DWLS", "Driving while license suspended", "Misdemeanor"),
        ("ASLT", "Assault causing bodily injury", "Misdemeanor"), ("ASLT-AGG", "Aggravated assault", "Felony"),
        ("POSS-CS", "Possession of a controlled substance", "Felony"), ("THEFT", "Theft", "Misdemeanor"), ("BURG", "Burglary of a habitation", "Felony"),
        ("FV-ASLT", "Family violence assault", "Misdemeanor"), ("FTA", "Failure to appear", "Misdemeanor"), ("RESIST", "Resisting arrest", "Misdemeanor"),
        ("FORG", "Forgery", "Felony"), ("TRESP", "Criminal trespass", "Misdemeanor"), ("UUMV", "Unauthorized use of a motor vehicle", "Felony"),
        ("DEL-CS", "Delivery of a controlled substance", "Felony"), ("EVADE", "Evading arrest", "Misdemeanor"),
        ("NOLIC", "No driver's license", "Infraction"), ("SPEED", "Speeding", "Infraction"),
    ];

    private const int CriminalCharges = 15;

    /// <summary>An interpreter, named as the MOA requires (interpreters are not the subject).</summary>
    public static string Interpreter(Draw draw) => $"Interpreter {(char)('A' + draw.Between(0, 26))}. {draw.Pick(InterpreterNames)}";

    private static readonly string[] InterpreterNames = ["Ruiz", "Okafor", "Tran", "Baptiste", "Lima", "Chen"];

    public static JsonObject Subject(Draw draw, DateTimeOffset bookedAt) => new()
    {
        ["name"] = new JsonObject { ["given"] = draw.Pick(Given), ["family"] = $"{draw.Pick(Family)} {draw.Pick(Family)}" },
        ["dateOfBirth"] = LocalClock.Date(DateOnly.FromDateTime(bookedAt.UtcDateTime).AddDays(-draw.Between(18 * 365 + 5, 65 * 365))),
    };

    /// <summary>One to three charges, at least one of them criminal (a detainer needs a criminal charge).</summary>
    public static JsonArray DrawCharges(Draw draw)
    {
        var charges = new JsonArray(Charge(Charges[draw.Between(0, CriminalCharges)]));
        if (draw.Chance(0.35))
            charges.Add(Charge(Charges[draw.Between(0, Charges.Length)]));
        if (draw.Chance(0.1))
            charges.Add(Charge(Charges[draw.Between(0, Charges.Length)]));
        return charges;
    }

    private static JsonObject Charge((string Code, string Description, string Level) charge) =>
        new() { ["code"] = charge.Code, ["description"] = charge.Description, ["level"] = charge.Level };
}
