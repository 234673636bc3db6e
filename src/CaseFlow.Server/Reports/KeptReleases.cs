using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The released reports, kept in memory between reads. A release's approved JSON never changes and its public variant
/// is added once, each write storing the row under a new Marten version: a read first takes the ids and versions it
/// needs from the release table's narrow columns, then loads (and parses) only a release not kept under that version.
/// A release of a national program is hundreds of kilobytes stored twice (approved and public); loading and parsing it
/// for every read of the demo year cost 12 ms of CPU (docs/benchmarks.md). At most <see cref="SizeLimitBytes"/> are
/// kept: a release that would pass the limit is read without being kept, and the cache compacts itself, the releases
/// read least recently leaving first.
/// </summary>
public sealed class KeptReleases(IDocumentStore store) : IDisposable
{
    public const long SizeLimitBytes = 64L * 1024 * 1024;

    private static readonly string FindSql =
        $"""
        select id, mt_version::text from {PersistenceSetup.SchemaName}.mt_doc_releasedreport
        where month = @month and (@version::int is null or version = @version)
        order by version desc limit 1
        """;

    private static readonly string LatestSql =
        $"select distinct on (month) id, mt_version::text from {PersistenceSetup.SchemaName}.mt_doc_releasedreport order by month, version desc";

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>The month's release: <paramref name="version"/>, or the latest when null; null when there is none.</summary>
    public async Task<ReleasedReport?> Find(IQuerySession session, string month, int? version, CancellationToken ct)
    {
        var heads = await Heads(FindSql, ct,
            new("month", NpgsqlDbType.Varchar) { Value = month }, new("version", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        return heads.Count == 0 ? null : (await Kept(session, heads[0], ct)).Release;
    }

    /// <summary>Every month's latest release, oldest month first, its report parsed once for as long as it is kept.</summary>
    public async Task<IReadOnlyList<ReleasedMonth>> Latest(IQuerySession session, CancellationToken ct)
    {
        var months = new List<ReleasedMonth>();
        foreach (var head in await Heads(LatestSql, ct))
        {
            var kept = await Kept(session, head, ct);
            months.Add(new ReleasedMonth(kept.Release.Version, kept.Report.Value));
        }

        return months;
    }

    public void Dispose() => _kept.Dispose();

    private async Task<Entry> Kept(IQuerySession session, Head head, CancellationToken ct)
    {
        if (_kept.TryGetValue(head, out Entry? kept))
            return kept!;
        // Loaded after its head was read: what is kept under a version is never older than it.
        var release = (await session.LoadAsync<ReleasedReport>(head.Id, ct))!;
        var entry = new Entry(release, new Lazy<MonthlyReport>(() => release.AsDocument.Report));
        // The two documents' UTF-16 text, and the parsed report counted as much as the approved text.
        var size = 2L * (2L * release.Document.Length + (release.PublicDocument?.Length ?? 0));
        return _kept.Set(head, entry, new MemoryCacheEntryOptions { Size = size });
    }

    private async Task<IReadOnlyList<Head>> Heads(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        var heads = new List<Head>();
        await StoreRows.Each(store, sql, ct, reader => heads.Add(new Head(reader.GetString(0), reader.GetString(1))), parameters);
        return heads;
    }

    private sealed record Head(string Id, string Version);

    private sealed record Entry(ReleasedReport Release, Lazy<MonthlyReport> Report);
}
