using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Writing;

/// <summary>
/// Appending one client event to an existing stream, the same way for cases, officers, agreements and complaints:
/// the envelope and If-Match are read, the type looked up among the stream's event kinds, the caller's role checked
/// against the type, the data read strictly, and the event planned for the one append path with the stream's rules.
/// </summary>
public static class StreamEvents
{
    public static async Task<IntakeAnswer> Append<TState>(
        Guid streamId, EventEnvelope<JsonObject> envelope, string? ifMatch, ClaimsPrincipal user, IReadOnlyDictionary<string, EventKind> kinds,
        StreamRules<TState> rules, IntakeServices intake, CancellationToken ct)
        where TState : class, IChainedState<TState> =>
        await Prepare(streamId, envelope, ifMatch, user, kinds, rules, intake).Write(intake, ct);

    public static PreparedWrite Prepare<TState>(
        Guid streamId, EventEnvelope<JsonObject> envelope, string? ifMatch, ClaimsPrincipal user, IReadOnlyDictionary<string, EventKind> kinds,
        StreamRules<TState> rules, IntakeServices intake)
        where TState : class, IChainedState<TState>
    {
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, intake.Clock.GetUtcNow(), intake.Options.LateWindow);
        var expectedVersion = ReadIfMatch(ifMatch, errors);
        if (envelope.Type is null || !kinds.TryGetValue(envelope.Type, out var kind))
        {
            errors.Add("type", $"type must be one of {string.Join(", ", kinds.Keys)}.");
            return PreparedWrite.Rejected(errors.ToProblem());
        }

        var data = ReadData(envelope.Data, kind.DataType, intake.Json, errors);
        if (errors.Count > 0)
            return PreparedWrite.Rejected(errors.ToProblem());

        var caller = CallerScope.From(user);
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return PreparedWrite.Rejected(notYours);

        officerId = caller.ActingOfficer(officerId);
        var roles = rules.RolesOf(kind);
        if (!roles.Contains(caller.Role))
        {
            return PreparedWrite.Rejected(Problems.Forbidden("role-may-not-post-event-type", "Your role may not post this event",
                $"{envelope.Type} is posted by: {string.Join(", ", roles)}."));
        }

        var incoming = IncomingEvent.Of(eventId, streamId, envelope.Type, occurredAt, late, officerId, data, intake.Json);
        var stored = kind.ToEvent(data!, new Actor(caller.Subject, officerId));
        return PreparedWrite.Of(new StreamEventWrite<TState>(streamId, incoming, caller, stored, rules) { IfMatch = expectedVersion });
    }

    /// <summary>A client event on a stream of <typeparamref name="TState"/>: each step is the stream's rules'.</summary>
    private sealed class StreamEventWrite<TState>(Guid streamId, IncomingEvent incoming, CallerScope caller, object data, StreamRules<TState> rules)
        : WritePlan<TState>(streamId, incoming, caller)
        where TState : class, IChainedState<TState>
    {
        public override bool CanSee(TState state) => rules.CanSee(Caller, state);

        public override void Prefetch(GroupReads reads) => rules.Prefetch(reads);

        public override Decision Decide(TState? state)
        {
            var completed = rules.Complete(state!, data);
            return rules.Check(state!, completed) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Accept(completed) with { AppendedByCaseFlow = rules.AppendAfter(state!, Event, completed) };
        }

        public override ScheduledMessage? Schedule(Guid eventId, object e) => rules.Schedule(eventId, e);
    }

    private static object? ReadData(JsonObject? data, Type type, JsonSerializerOptions options, FieldErrors errors)
    {
        if (data is null)
            return null;
        // Who prepared, approved or reviewed is the token's to say: sending one (null aside, as serialised records carry
        // it) is sending a member clients do not have.
        var stampedMembers = StampedMembers(type, options).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (data.FirstOrDefault(member => member.Value is not null && stampedMembers.Contains(member.Key)) is { Key: { } stamped })
        {
            errors.Add($"data.{stamped}", ClientJsonErrors.UnknownMemberMessage);
            return null;
        }

        try
        {
            return data.Deserialize(type, options);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path is { Length: > 1 } path ? "data" + path[1..] : "data", ClientJsonErrors.Describe(e.Message));
            return null;
        }
    }

    /// <summary>The data's members the server stamps from the token (its <see cref="Actor"/> members), as clients would name them.</summary>
    private static IEnumerable<string> StampedMembers(Type type, JsonSerializerOptions options) =>
        options.GetTypeInfo(type).Properties.Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(Actor)).Select(p => p.Name);

    private static long? ReadIfMatch(string? ifMatch, FieldErrors errors)
    {
        if (ifMatch is null || ifMatch == IfMatch.Any)
            return null;
        if (IfMatch.Form().IsMatch(ifMatch)
            && long.TryParse(ifMatch.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            return version;
        errors.Add("If-Match", "If-Match must be the ETag of what you read, a version in quotes such as \"3\".");
        return null;
    }
}

/// <summary>The If-Match of a write: the ETag read (a stream version in quotes, <c>"3"</c>; the quotes may be left out), or <c>*</c> for any version.</summary>
public sealed partial class IfMatch : IParameterForm
{
    public const string Any = "*";

    public const string Pattern = "^(\\*|\"?[1-9][0-9]{0,17}\"?)$";

    [System.Text.RegularExpressions.GeneratedRegex(Pattern)]
    internal static partial System.Text.RegularExpressions.Regex Form();

    public static void Describe(Microsoft.OpenApi.OpenApiSchema schema)
    {
        schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
        schema.Pattern = Pattern;
        schema.Description = "The ETag of what you read (its version in quotes, \"3\"): the write is refused with 412 if the stream moved on. * writes on any version.";
    }
}
