using CaseFlow.Server.Reports;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Reports;

/// <summary>
/// <see cref="KeptReleases"/> answers from memory only while the release's row is the one it kept: an unchanged row is
/// not loaded again (a superuser's edit that left Marten's version alone is not seen), a row stored again (its public
/// variant added) is, a new version is the latest at once, and a version or month without a release finds none.
/// </summary>
public sealed class KeptReleasesTests(AppFixture app)
{
    private const string Month = "2024-01";

    [Fact]
    public async Task a_release_is_loaded_again_only_once_its_row_was_stored_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await OwnDatabase.Create(app, "kept_releases");
        await using var node = await database.StartNode(projections: false);
        var store = node.Services.GetRequiredService<IDocumentStore>();
        var kept = node.Services.GetRequiredService<KeptReleases>();
        async Task<ReleasedReport?> Find(int? version = null, string month = Month)
        {
            await using var session = store.QuerySession();
            return (await kept.Find(session, month, version, ct))?.Release;
        }

        await Store(store, Release(1), ct);
        (await Find())!.Document.ShouldBe("{\"v\":1}");
        await using (var session = store.QuerySession())
            (await kept.Find(session, Month, null, ct))!.Approved.Utf8.ShouldBe("{\"v\":1}"u8.ToArray(), "the bytes answered are the approved JSON's UTF-8");

        await using (var superuser = await TestDatabases.OpenAsTamperingSuperuser(database.ConnectionString))
        await using (var edit = new NpgsqlCommand(
                         "update caseflow.mt_doc_releasedreport set data = jsonb_set(data, '{document}', '\"edited\"') where id = @id", superuser)
                     { Parameters = { new("id", ReleasedReport.IdOf(Month, 1)) } })
            (await edit.ExecuteNonQueryAsync(ct)).ShouldBe(1);
        (await Find())!.Document.ShouldBe("{\"v\":1}", "the row's version did not change: the kept release is answered");

        await Store(store, Release(1) with { PublicDocument = "{\"public\":1}", PublicSha256 = "p1" }, ct);
        (await Find())!.PublicDocument.ShouldBe("{\"public\":1}", "stored again, the row has a new version and is loaded");

        await Store(store, Release(2), ct);
        (await Find())!.Version.ShouldBe(2);
        (await Find(version: 1))!.PublicDocument.ShouldBe("{\"public\":1}");
        (await Find(version: 3)).ShouldBeNull();
        (await Find(month: "2024-02")).ShouldBeNull();
    }

    private static ReleasedReport Release(int version) => new()
    {
        Id = ReleasedReport.IdOf(Month, version), Month = Month, Version = version, Sha256 = $"s{version}", Document = $"{{\"v\":{version}}}",
        PublicAffairsReference = "OPA-TEST-1", PrivacyOfficeReference = "PRIV-TEST-1",
    };

    private static async Task Store(IDocumentStore store, ReleasedReport release, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(release);
        await session.SaveChangesAsync(ct);
    }
}
