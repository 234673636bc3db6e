using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseFlow.Server.Tests.Governance;

public class AgreementSeedTests(AppFixture app)
{
    [Fact]
    public async Task every_published_jem_and_wso_agreement_is_seeded_once()
    {
        await using var session = app.Store.QuerySession();

        (await Seeded(session).CountAsync(a => a.Model == ProgramModel.JEM, TestContext.Current.CancellationToken)).ShouldBe(117);
        (await Seeded(session).CountAsync(a => a.Model == ProgramModel.WSO, TestContext.Current.CancellationToken)).ShouldBe(300);
        (await SignedEventCount(session)).ShouldBe(417);
    }

    [Fact]
    public async Task seeding_again_appends_nothing()
    {
        await new AgreementSeed(NullLogger<AgreementSeed>.Instance).Populate(app.Store, TestContext.Current.CancellationToken);

        await using var session = app.Store.QuerySession();
        (await SignedEventCount(session)).ShouldBe(417);
        (await Seeded(session).CountAsync(TestContext.Current.CancellationToken)).ShouldBe(417);
    }

    [Fact]
    public async Task every_agreement_has_a_field_office_and_a_real_time_zone()
    {
        await using var session = app.Store.QuerySession();
        var agreements = await Seeded(session).ToListAsync(TestContext.Current.CancellationToken);

        agreements.ShouldAllBe(a => a.FieldOfficeCode.Length == 3);
        agreements.ShouldAllBe(a => TimeZoneInfo.FindSystemTimeZoneById(a.TimeZone) != null);
        agreements.ShouldAllBe(a => a.IsInForceAt(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task seeded_agreements_carry_the_integrity_chain()
    {
        await using var session = app.Store.QuerySession();
        var sample = await session.Query<Agreement>().OrderBy(a => a.Key).Take(5).ToListAsync(TestContext.Current.CancellationToken);
        var verifier = new ChainVerifier(new StoredEventRows(app.Store));

        foreach (var agreement in sample)
            (await verifier.Verify(agreement.Id, TestContext.Current.CancellationToken)).Intact.ShouldBeTrue();
    }

    private static Task<int> SignedEventCount(IQuerySession session) =>
        session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName == nameof(AgreementSigned) && e.UserName == AgreementSeed.Actor.Subject)
            .CountAsync(TestContext.Current.CancellationToken);

    /// <summary>The agreements of ICE's list, without the agencies tests make up.</summary>
    private static IQueryable<Agreement> Seeded(IQuerySession session) => session.Query<Agreement>().Where(a => a.Source != SyntheticAgencies.Source);
}
