using CaseFlow.Domain;
using CaseFlow.Domain.Reports;
using CaseFlow.Server.Platform;
using Marten;

namespace CaseFlow.Server.Reports;

/// <summary>
/// A released version of a month's report, stored as it was approved: the proposal's canonical JSON, byte for byte,
/// with its hash and the approval's references. Written with the approval event, never changed.
/// </summary>
public sealed record ReleasedReport
{
    public required string Id { get; init; }
    public required string Month { get; init; }
    public int Version { get; init; }
    public required string Sha256 { get; init; }
    public required string Document { get; init; }
    public Guid ProposalId { get; init; }
    public DateTimeOffset ApprovedAt { get; init; }
    public required string PublicAffairsReference { get; init; }
    public required string PrivacyOfficeReference { get; init; }

    /// <summary>
    /// The public variant (docs/disclosure.md): its canonical JSON and SHA-256, null until <see cref="PublicVariantDueHandler"/>
    /// has made it after the approval; with the ids of the releases whose public variants it was made against.
    /// </summary>
    public string? PublicDocument { get; init; }
    public string? PublicSha256 { get; init; }
    public IReadOnlyList<string> DisclosedAfter { get; init; } = [];

    public static string IdOf(string month, int version) => $"{month}/v{version}";

    public ReportDocument AsDocument => new(Document, Sha256);

    /// <summary>The public variant, or null while it is being made.</summary>
    public ReportDocument? PublicVariant() => PublicDocument is null ? null : new(PublicDocument, PublicSha256!);

    /// <summary>The month and version as columns of their own: <see cref="KeptReleases"/> finds a release by them without reading its documents.</summary>
    public static void Configure(StoreOptions opts) => opts.Schema.For<ReleasedReport>().Duplicate(r => r.Month).Duplicate(r => r.Version);

    /// <summary>Every release whose public variant is stored, in the order they were approved.</summary>
    public static async Task<IReadOnlyList<ReleasedReport>> Disclosed(IQuerySession session, CancellationToken ct)
    {
        var all = await session.Query<ReleasedReport>().Where(r => r.PublicDocument != null).ToListAsync(ct);
        return [.. all.OrderBy(r => r.ApprovedAt).ThenBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Version)];
    }
}

/// <summary>The inline state of a month's release stream: its proposals and the versions released.</summary>
public partial class ReportReleaseProjection() : ChainedProjection<ReportRelease>(EventCatalogue.ReportReleaseEvents);
