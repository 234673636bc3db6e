using System.Text.RegularExpressions;

namespace CaseFlow.Server.Platform;

/// <summary>
/// What a client is told about JSON it sent that could not be read: System.Text.Json's own words where they are
/// about the JSON, never the server's type names (which its messages about members and types include), nor a member
/// name the client made up.
/// </summary>
public static partial class ClientJsonErrors
{
    public const string UnknownMemberMessage = "The body holds a member the endpoint does not know; /openapi/v1.json names the members.";

    public static string Describe(string? message)
    {
        if (message is null)
            return "The body could not be read as JSON.";
        if (!message.Contains("CaseFlow.", StringComparison.Ordinal) && !message.Contains("System.", StringComparison.Ordinal))
            return message;
        // The member's name is not echoed: a client could send anything as a name, an identifier included.
        if (UnknownMember().IsMatch(message))
            return UnknownMemberMessage;
        return JsonPath().Match(message) is { Success: true } path
            ? $"The value at {path.Groups[1].Value} does not have the type expected there."
            : "A value does not have the type expected there.";
    }

    [GeneratedRegex("The JSON property '[^']*' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"Path: (\S+)")]
    private static partial Regex JsonPath();
}
