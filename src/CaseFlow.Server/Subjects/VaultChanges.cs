using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Subjects;
using CaseFlow.Server.Platform;
using Marten;

namespace CaseFlow.Server.Subjects;

/// <summary>
/// Changes to a stored <see cref="VaultedSubject"/> made in SQL, member by member, so a seal, an erasure and a
/// re-wrap running at the same time never overwrite each other's members with a stale copy of the document.
/// </summary>
public static class VaultChanges
{
    public static readonly string Table = $"{PersistenceSetup.SchemaName}.mt_doc_vaultedsubject";

    /// <summary>Carries out an approved order in the session of the event that records it.</summary>
    public static void CarryOut(IDocumentSession session, Guid subjectRef, SubjectAction action, Guid orderId)
    {
        var change = new JsonObject { [Member(nameof(VaultedSubject.StateOrderId))] = orderId.ToString() };
        if (action == SubjectAction.Seal)
        {
            change[Member(nameof(VaultedSubject.State))] = nameof(SubjectState.Sealed);
        }
        else
        {
            // Crypto-shredding: without the wrapped data key the ciphertext is unreadable; both go, and the tags with them.
            change[Member(nameof(VaultedSubject.State))] = nameof(SubjectState.Erased);
            change[Member(nameof(VaultedSubject.MasterKeyId))] = null;
            change[Member(nameof(VaultedSubject.WrappedDataKey))] = null;
            change[Member(nameof(VaultedSubject.Ciphertext))] = null;
            change[Member(nameof(VaultedSubject.SearchTags))] = new JsonArray();
        }

        session.QueueSqlCommand($"update {Table} set data = data || ?::jsonb where id = ?", change.ToJsonString(), subjectRef);
    }

    /// <summary>
    /// The statement that puts a subject under the active keys (its data key's wrapping, its search tags), only if the
    /// wrapping is still the one that was read (not erased meanwhile).
    /// </summary>
    public static readonly string RewrapSql =
        $"update {Table} set data = data || $1::jsonb where id = $2 and data ->> '{Member(nameof(VaultedSubject.WrappedDataKey))}' = $3";

    public static string RewrapChange(string masterKeyId, byte[] wrappedDataKey, IReadOnlyList<string> searchTags, string searchKeyId) => new JsonObject
    {
        [Member(nameof(VaultedSubject.MasterKeyId))] = masterKeyId,
        [Member(nameof(VaultedSubject.WrappedDataKey))] = Convert.ToBase64String(wrappedDataKey),
        [Member(nameof(VaultedSubject.SearchTags))] = new JsonArray(searchTags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        [Member(nameof(VaultedSubject.SearchKeyId))] = searchKeyId,
    }.ToJsonString();

    /// <summary>A member's name in the stored JSON (Marten stores documents camelCase).</summary>
    public static string Member(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
