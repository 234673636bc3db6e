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
    public async Task<KeptRelease?> Find(IQuerySession session, string month, int? version, CancellationToken ct)
    {
        var heads = await Heads(FindSql, ct,
            new("month", NpgsqlDbType.Varchar) { Value = month }, new("version", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        return heads.Count == 0 ? null : await Kept(session, heads[0], ct);
    }

    /// <summary>Every month's latest release, oldest month first, its report parsed once for as long as it is kept.</summary>
    public async Task<IReadOnlyList<ReleasedMonth>> Latest(IQuerySession session, CancellationToken ct)
    {
        var months = new List<ReleasedMonth>();
        foreach (var head in await Heads(LatestSql, ct))
        {
            var kept = await Kept(session, head, ct);
            months.Add(new ReleasedMonth(kept.Release.Version, kept.Report));
        }

        return months;
    }

    public void Dispose() => _kept.Dispose();

    private async Task<KeptRelease> Kept(IQuerySession session, Head head, CancellationToken ct)
    {
        if (_kept.TryGetValue(head, out KeptRelease? kept))
            return kept!;
        // Loaded after its head was read: what is kept under a version is never older than it.
        var release = new KeptRelease((await session.LoadAsync<ReleasedReport>(head.Id, ct))!);
        return _kept.Set(head, release, new MemoryCacheEntryOptions { Size = release.Size });
    }

    private async Task<IReadOnlyList<Head>> Heads(string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        var heads = new List<Head>();
        await StoreRows.Each(store, sql, ct, reader => heads.Add(new Head(reader.GetString(0), reader.GetString(1))), parameters);
        return heads;
    }

    private sealed record Head(string Id, string Version);
}

/// <summary>
/// A release as kept between reads: its row, its approved document (whose UTF-8 bytes, the body of every JSON read of
/// it, are then made once: hundreds of kilobytes encoded and allocated per read otherwise) and its report, parsed when
/// first asked for.
/// </summary>
public sealed class KeptRelease
{
    private readonly Lazy<MonthlyReport> _report;

    public KeptRelease(ReleasedReport release)
    {
        Release = release;
        Approved = release.AsDocument;
        // Parsed from the approved document's own bytes, which the JSON reads answer: not encoded a second time.
        _report = new(() => Approved.Report);
    }

    public ReleasedReport Release { get; }

    public ReportDocument Approved { get; }

    public MonthlyReport Report => _report.Value;

    /// <summary>What it is counted as in the cache: the two documents' UTF-16 text, the bytes, and the parsed report as much as the approved text.</summary>
    public long Size => 2L * (2L * Release.Document.Length + (Release.PublicDocument?.Length ?? 0)) + Release.Document.Length;
}
