using CaseFlow.Domain.Reports.Disclosure;
using Marten;
using Npgsql;

namespace CaseFlow.Server.Reports;

/// <summary>
/// A release's public variant is to be made. Sent durably in the same transaction as the <c>ReportReleaseApproved</c>
/// it belongs to (the outbox), so the approval answers at once and the disclosure (seconds of linear programming)
/// runs off the request, survives a restart and runs once.
/// </summary>
public sealed record PublicVariantDue(string Month, int Version);

public static class PublicVariantDueHandler
{
    /// <summary>
    /// The key of the program-wide lock every disclosure takes (a PostgreSQL advisory lock held to its transaction's end),
    /// so variants are made one at a time and each sees every variant stored before it, whatever the month.
    /// </summary>
    public const long DisclosureLock = 0x2876_0017;

    /// <summary>
    /// Under the lock: makes the release's public variant against every public variant already stored (of any month,
    /// approved before or after it) and stores it with the ids of those it was made against. A variant already stored
    /// (a repeated delivery) is left as it is.
    /// </summary>
    public static async Task Handle(PublicVariantDue message, IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var serialize = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction) { Parameters = { new("key", DisclosureLock) } })
            await serialize.ExecuteNonQueryAsync(ct);

        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
        var release = await session.LoadAsync<ReleasedReport>(ReleasedReport.IdOf(message.Month, message.Version), ct);
        if (release is null || release.PublicDocument is not null)
            return;

        var earlier = await ReleasedReport.Disclosed(session, ct);
        var disclosed = ReportDocument.Of(ReportDisclosure.Disclose(release.AsDocument.Report, release.Version,
            [.. earlier.Select(r => new DisclosedRelease(r.AsDocument.Report, r.PublicVariant()!.ReadPublicReport()))]).Public);
        session.Store(release with { PublicDocument = disclosed.Json, PublicSha256 = disclosed.Sha256, DisclosedAfter = [.. earlier.Select(r => r.Id)] });
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
