using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Integrity;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using Marten.Services.BatchQuerying;
using Wolverine;

namespace CaseFlow.Server.Intake;

/// <summary>
/// Appending one client event to an existing stream, the same way for cases, officers, agreements and complaints:
/// the envelope and If-Match are read, the type looked up among the stream's event kinds, the caller's role checked
/// against the type, the data read strictly, and the event handed to the one append path.
/// </summary>
public static class PostStreamEvent
{
    /// <param name="rules">Adds what the rules read to the write's batch and returns the rule for a state and event.</param>
    /// <param name="hooks">What a kind of stream adds to the path: who may post where that depends on the stream, how an
    /// event is completed from the state, what CaseFlow appends after it and what it schedules.</param>
    public static async Task<IntakeAnswer> Append<TState>(
        Guid streamId, EventEnvelope<JsonObject> envelope, string? ifMatch, ClaimsPrincipal user,
        IReadOnlyDictionary<string, EventKind> kinds, Func<CallerScope, TState, bool> canSee,
        Func<IBatchedQuery, Func<TState, object, Refusal?>> rules,
        IntakeServices intake, IMessageContext context, CancellationToken ct,
        StreamHooks<TState>? hooks = null)
        where TState : class, IChainedState<TState>
    {
        hooks ??= new StreamHooks<TState>();
        var errors = new FieldErrors();
        var (eventId, occurredAt, late, officerId) = envelope.Read(errors, intake.Clock.GetUtcNow(), intake.Options.LateWindow);
        var expectedVersion = ReadIfMatch(ifMatch, errors);
        if (envelope.Type is null || !kinds.TryGetValue(envelope.Type, out var kind))
        {
            errors.Add("type", $"type must be one of {string.Join(", ", kinds.Keys)}.");
            return IntakeAnswer.Rejected(errors.ToProblem());
        }

        var data = ReadData(envelope.Data, kind.DataType, intake.Json, errors);
        if (errors.Count > 0)
            return IntakeAnswer.Rejected(errors.ToProblem());

        var caller = CallerScope.From(user);
        if (caller.OfficerRefusal(officerId) is { } notYours)
            return IntakeAnswer.Rejected(notYours);

        officerId = caller.ActingOfficer(officerId);
        var roles = hooks.RolesOf(kind);
        if (!roles.Contains(caller.Role))
        {
            return IntakeAnswer.Rejected(Problems.Forbidden("role-may-not-post-event-type", "Your role may not post this event",
                $"{envelope.Type} is posted by: {string.Join(", ", roles)}."));
        }

        var stored = kind.ToEvent(data!, new Actor(caller.Subject, officerId));
        var fingerprint = IncomingEvent.FingerprintOf(streamId, envelope.Type, occurredAt, late, officerId, IncomingEvent.ToNode(data, intake.Json));
        var incoming = new IncomingEvent(eventId, envelope.Type, occurredAt, late, officerId, fingerprint);
        var outcome = await intake.Writer.Write(
            new WriteRequest<TState>(streamId, incoming, caller, batch =>
            {
                var rule = rules(batch);
                return state =>
                {
                    var completed = hooks.Complete(state!, stored);
                    return rule(state!, completed) is { } refusal
                        ? Decision.Refuse(refusal)
                        : Decision.Accept(completed) with { AppendedByCaseFlow = hooks.AppendAfter(state!, incoming, completed) };
                };
            })
            {
                IfMatch = expectedVersion,
                CanSee = state => canSee(caller, state),
                Schedule = hooks.Schedule,
            },
            context,
            ct);
        return IntakeAnswer.Of(outcome);
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
