using System.Text.RegularExpressions;
using CaseFlow.Server.ReferenceData;
using CaseFlow.Server.Security;

// Usage (through ./ops/token, which passes --key-file): ROLE [--ori ORI] [--officer ID] [--field-office CODE]
//   [--warrant-authority "I-200 I-205"] [--sub SUBJECT] [--ttl-minutes N] --key-file FILE
// Prints one development token; a wrong argument prints why to stderr and exits 2.
try
{
    Console.WriteLine(DevTokenRequest.Parse(args).Mint());
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"token: error: {e.Message}");
    return 2;
}

internal sealed partial record DevTokenRequest(
    string Role, string? Ori, string? Officer, string? FieldOffice, string? WarrantAuthority, string? Subject, int TtlMinutes, string KeyFile)
{
    private const int MaxTtlMinutes = 60;

    public static DevTokenRequest Parse(string[] args)
    {
        if (args.Length == 0 || !Roles.All.Contains(args[0]))
            throw new ArgumentException($"the role must be one of {string.Join(", ", Roles.All)}");
        var options = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]} needs a value");
            if (args[i] is not ("--ori" or "--officer" or "--field-office" or "--warrant-authority" or "--sub" or "--ttl-minutes" or "--key-file"))
                throw new ArgumentException($"unknown option '{args[i]}'");
            options[args[i]] = args[i + 1];
        }

        var ttl = options.GetValueOrDefault("--ttl-minutes") ?? MaxTtlMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new DevTokenRequest(args[0], options.GetValueOrDefault("--ori"), options.GetValueOrDefault("--officer"),
            options.GetValueOrDefault("--field-office"), options.GetValueOrDefault("--warrant-authority"), options.GetValueOrDefault("--sub"),
            int.TryParse(ttl, out var minutes) && minutes is >= 1 and <= MaxTtlMinutes
                ? minutes
                : throw new ArgumentException($"--ttl-minutes must be 1 to {MaxTtlMinutes} (the server refuses longer-lived tokens)"),
            options.GetValueOrDefault("--key-file") ?? throw new ArgumentException("--key-file is required"));
        request.Check();
        return request;
    }

    private void Check()
    {
        var agency = Role is Roles.ScreeningSystem or Roles.Officer;
        if (agency != Ori is not null || (Ori is not null && !CaseFlow.Domain.Agencies.Ori.IsWellFormed(Ori)))
            throw new ArgumentException(agency ? $"{Role} needs --ori with 9 characters A-Z/0-9" : "--ori is only for screening-system and officer");
        if ((Role == Roles.Officer) != Officer is not null)
            throw new ArgumentException(Role == Roles.Officer ? "officer needs --officer (the officer's badge)" : "--officer is only for officer");
        if (Officer is not null && !BadgePattern().IsMatch(Officer))
            throw new ArgumentException("--officer must be 1-64 characters A-Z a-z 0-9 . _ -");
        var offices = ReferenceFiles.Read<FieldOfficeRow>(ReferenceFiles.FieldOffices).Select(f => f.FieldOfficeCode).Distinct().Order().ToList();
        if ((Role == Roles.Supervisor) != FieldOffice is not null || (FieldOffice is not null && !offices.Contains(FieldOffice)))
            throw new ArgumentException(Role == Roles.Supervisor ? $"supervisor needs --field-office, one of: {string.Join(' ', offices)}" : "--field-office is only for supervisor");
        if (WarrantAuthority is not null && (Role != Roles.Supervisor || !WarrantPattern().IsMatch(WarrantAuthority)))
            throw new ArgumentException(Role != Roles.Supervisor ? "--warrant-authority is only for supervisor" : "--warrant-authority takes I-200, I-205 or both");
    }

    public string Mint()
    {
        var key = Convert.FromBase64String(File.ReadAllText(KeyFile).Trim());
        var now = DateTime.UtcNow;
        var claims = DevelopmentTokens.Claims(Role, Subject ?? $"dev-{Role}{(Ori is null ? "" : "-" + Ori)}", Ori, Officer, FieldOffice, WarrantAuthority);
        return DevelopmentTokens.Mint(claims, key, now, now.AddMinutes(TtlMinutes));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex BadgePattern();

    [GeneratedRegex("^(I-20[05])([ ,]I-20[05])?$")]
    private static partial Regex WarrantPattern();
}
