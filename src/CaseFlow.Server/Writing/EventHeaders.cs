using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CaseFlow.Domain.Intake;

namespace CaseFlow.Server.Writing;

/// <summary>
/// The metadata CaseFlow stores in each event's headers. Together with Marten's own columns (id, stream, version,
/// type, timestamp = recordedAt, user name = client, correlation and causation ids) they are the envelope.
/// </summary>
public static class EventHeaders
{
    public const string OccurredAt = "occurredAt";
    public const string Late = "late";
    public const string Client = "client";
    public const string Role = "role";
    public const string Ori = "ori";
    public const string OfficerId = "officerId";
    public const string PolicyVersion = "policyVersion";
    public const string SchemaVersion = "schemaVersion";

    /// <summary>SHA-256 of what the client sent (without its event id), to tell a retry from a reused id.</summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>The event's integrity hash, chained to the previous event of its stream.</summary>
    public const string Hash = "hash";

    /// <summary>
    /// An instant header as read back: stored as RFC 3339 text, but the header reader may hand it over already parsed
    /// (a <see cref="DateTime"/> whose <c>ToString()</c> is culture-formatted and without offset), so every form is read.
    /// </summary>
    public static DateTimeOffset? Instant(object? header) => header switch
    {
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(at),
        JsonElement { ValueKind: JsonValueKind.String } text => Instant(text.GetString()),
        string text when Instants.TryParse(text, out var at) => at,
        _ => null,
    };
}

/// <summary>
/// The headers of a stored event as <see cref="EventStager"/> writes them, for the OpenAPI document: histories hand
/// them over exactly as stored (<see cref="Integrity.HistoryEvent.Metadata"/>).
/// </summary>
public sealed record EventMetadata(
    DateTimeOffset OccurredAt, bool Late, string Client, string Role,
    [property: RegularExpression("^([A-Z0-9]{9})?$"), Description("The caller's agency; empty for a caller of none (ICE).")] string Ori, string PolicyVersion, int SchemaVersion, string Fingerprint,
    string Hash, string? OfficerId = null);
