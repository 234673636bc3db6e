using System.Security.Claims;
using System.Security.Cryptography;
using CaseFlow.Server.Audit;
using CaseFlow.Server.Security;
using CaseFlow.Server.Subjects;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Http;

namespace CaseFlow.Server.Operations;

/// <summary>
/// How many subjects' data keys each master key wraps (<c>erased</c>: none left), the keys this node holds, and how
/// many subjects' search tags were made with another search key than the active one.
/// </summary>
public sealed record VaultStatus(
    string ActiveMasterKeyId, IReadOnlyList<string> ConfiguredMasterKeyIds, IReadOnlyDictionary<string, long> SubjectsByMasterKey, long Erased,
    string ActiveSearchKeyId, long UnderOtherSearchKey);

/// <summary>
/// What a re-wrap did: subjects moved under the active keys (data key wrapped by the active master key, tags made with
/// the active search key); those left behind because this node does not hold the master key that wraps them
/// (configure it and run again); and those whose wrapped key or ciphertext does not open (damaged or altered:
/// investigate, they cannot be read either).
/// </summary>
public sealed record RewrapResult(string ActiveMasterKeyId, int Rewrapped, long UnderUnknownMasterKey, int Unreadable, int Batches);

/// <summary>
/// Key rotation: every subject whose data key is not wrapped by the active master key, or whose tags were not made
/// with the active search key, is put under the active keys, in bounded batches.
/// </summary>
public sealed class VaultRewrap(IDocumentStore store, SubjectVault vault, AccessLog audit)
{
    public const int BatchSize = 200;

    private static readonly string MasterKeyMember = VaultChanges.Member(nameof(VaultedSubject.MasterKeyId));

    public const string Action = "POST /api/operations/vault/rewrap";

    /// <summary>Re-wraps in batches; each batch's transaction also stores its access record, naming the caller.</summary>
    public async Task<RewrapResult> Run(CallerScope caller, CancellationToken ct)
    {
        var known = vault.MasterKeyIds.ToArray();
        var others = known.Where(id => id != vault.ActiveMasterKeyId).ToArray();
        var searchKeyId = vault.SearchKeyId;
        var unreadable = new List<Guid>();
        int rewrapped = 0, batches = 0;
        while (true)
        {
            await using var session = store.QuerySession();
            var batch = await session.Query<VaultedSubject>()
                .Where(s => s.MasterKeyId != null && known.Contains(s.MasterKeyId) && !unreadable.Contains(s.Id)
                            && (others.Contains(s.MasterKeyId) || s.SearchKeyId == null || s.SearchKeyId != searchKeyId))
                .Take(BatchSize).ToListAsync(ct);
            var stored = batch.Count == 0 ? 0 : await Store(batch, unreadable, caller, ct);
            // Nothing left, or every row changed under this run (another node re-wrapping, erasures): stop rather than spin.
            if (stored == 0 && batch.All(s => !unreadable.Contains(s.Id)))
                break;
            rewrapped += stored;
            batches++;
        }

        return new RewrapResult(vault.ActiveMasterKeyId, rewrapped, await UnderUnknownKey(ct), unreadable.Count, batches);
    }

    public async Task<VaultStatus> Status(CancellationToken ct)
    {
        var searchKeyId = vault.SearchKeyId;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select data ->> '{MasterKeyMember}', count(*) from {VaultChanges.Table} group by 1 order by 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, long>();
        long erased = 0;
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(0))
                erased = reader.GetInt64(1);
            else
                counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        await using var session = store.QuerySession();
        var underOtherSearchKey = await session.Query<VaultedSubject>()
            .Where(s => s.MasterKeyId != null && (s.SearchKeyId == null || s.SearchKeyId != searchKeyId)).CountAsync(ct);
        return new VaultStatus(vault.ActiveMasterKeyId, vault.MasterKeyIds.Order().ToList(), counts, erased, searchKeyId, underOtherSearchKey);
    }

    /// <summary>One batch in one transaction; a subject erased since it was read keeps its erasure (the update names the old wrapping).</summary>
    private async Task<int> Store(IReadOnlyList<VaultedSubject> batch, List<Guid> unreadable, CallerScope caller, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var stored = 0;
        foreach (var subject in batch)
        {
            (byte[] WrappedDataKey, IReadOnlyList<string> SearchTags) rewrapped;
            try
            {
                rewrapped = vault.Rewrap(subject);
            }
            catch (CryptographicException)
            {
                unreadable.Add(subject.Id);
                continue;
            }

            await using var command = new NpgsqlCommand(VaultChanges.RewrapSql, connection, transaction)
            {
                Parameters =
                {
                    new()
                    {
                        Value = VaultChanges.RewrapChange(vault.ActiveMasterKeyId, rewrapped.WrappedDataKey, rewrapped.SearchTags, vault.SearchKeyId),
                        NpgsqlDbType = NpgsqlDbType.Jsonb,
                    },
                    new() { Value = subject.Id },
                    new() { Value = Convert.ToBase64String(subject.WrappedDataKey!) },
                },
            };
            stored += await command.ExecuteNonQueryAsync(ct);
        }

        await audit.Within(connection, transaction, audit.Describe(caller, "vault", null, Action, $"rewrapped:{stored}"), ct);
        await transaction.CommitAsync(ct);
        return stored;
    }

    private async Task<long> UnderUnknownKey(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var known = vault.MasterKeyIds.ToArray();
        return await session.Query<VaultedSubject>().Where(s => s.MasterKeyId != null && !known.Contains(s.MasterKeyId)).CountAsync(ct);
    }
}

public static class VaultOperationsEndpoints
{
    /// <summary>Subjects per master key and under another search key: a rotation is complete when all are under the active keys.</summary>
    [WolverineGet("/api/operations/vault", Name = "GetVaultStatus")]
    [Authorize(Policy = Policies.Operate)]
    public static Task<VaultStatus> Get(VaultRewrap rewrap, CancellationToken ct) => rewrap.Status(ct);

    /// <summary>Puts every subject under the active master and search keys (idempotent: a second run finds none).</summary>
    [WolverinePost("/api/operations/vault/rewrap", Name = "RewrapVault")]
    [Authorize(Policy = Policies.Operate)]
    [AccessAudited("vault")]
    public static Task<RewrapResult> Post(VaultRewrap rewrap, ClaimsPrincipal user, CancellationToken ct) => rewrap.Run(CallerScope.From(user), ct);
}
