using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Platform;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Governance;

/// <summary>
/// Every agreement as stored now, for the reads that take them all (statistics, the monthly report's draft), kept in
/// memory between requests: each read first takes the agreements' stamp (every document's id and version: the inline
/// projection stores an agreement's stream version with it in the event's transaction, so any agreement event changes
/// it) and loads the documents again only when the stamp changed. The documents are loaded after the stamp is read, so
/// what is kept is never older than the stamp it is kept under, and a change committed before a read is in its answer.
/// </summary>
public sealed class CurrentAgreements(IDocumentStore store)
{
    private static readonly string StampSql =
        $"select coalesce(md5(string_agg(id::text || ':' || mt_version, ',' order by id)), '') from {PersistenceSetup.SchemaName}.mt_doc_agreement";

    private volatile Kept? _kept;

    public async Task<IReadOnlyList<Agreement>> All(IQuerySession session, CancellationToken ct)
    {
        var stamp = await Stamp(ct);
        if (_kept is { } kept && kept.Stamp == stamp)
            return kept.Agreements;
        var agreements = await session.Query<Agreement>().ToListAsync(ct);
        _kept = new Kept(stamp, agreements);
        return agreements;
    }

    private async Task<string> Stamp(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(StampSql, connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed record Kept(string Stamp, IReadOnlyList<Agreement> Agreements);
}
