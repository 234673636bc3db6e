using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using Marten;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// A seeded set of JEM cases over FY2026 at the given agencies, each a prefix of the JEM path (or a citizenship claim),
/// some with an amended charge, a voided step or a release: appended straight to the event store, as a rebuild or a
/// cross-check sees them (the rules are not the point here; the fold is).
/// </summary>
public static class GeneratedCases
{
    private static readonly Charge Dwi = new("PC 23152", "Driving under the influence", ChargeLevel.Misdemeanor);
    private static readonly Charge Speeding = new("VC 22350", "Speeding", ChargeLevel.Infraction);

    public static async Task<IReadOnlyList<Guid>> Append(IDocumentStore store, IReadOnlyList<(string Ori, string FieldOffice, string TimeZone)> agencies, int count, int seed)
    {
        var random = new Random(seed);
        var ids = new List<Guid>();
        await using var session = store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            var (ori, fieldOffice, zone) = agencies[i % agencies.Count];
            var caseId = Guid.NewGuid();
            var t = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 330 * 24 * 60));
            var steps = Steps(caseId, ori, fieldOffice, zone, t, random);
            var events = steps.Select(data => (Id: Guid.NewGuid(), Data: data)).ToList();
            if (random.NextDouble() < 0.3 && events.Count > 2)
                events.Add((Guid.NewGuid(), new EventVoided(events[random.Next(1, events.Count)].Id, "generated void")));
            session.Events.StartStream<CaseFile>(caseId, [.. events.Select(e =>
            {
                var built = session.Events.BuildEvent(e.Data);
                built.Id = e.Id;
                return (object)built;
            })]);
            ids.Add(caseId);
        }

        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ids;
    }

    private static List<object> Steps(Guid caseId, string ori, string fieldOffice, string zone, DateTimeOffset t, Random random)
    {
        var steps = new List<object>
        {
            new BookingRecorded(caseId, ori, ProgramModel.JEM, $"G-{caseId:N}"[..16], t, [Dwi], null, Guid.NewGuid(), AgreementId.For(ori, ProgramModel.JEM), fieldOffice, zone),
            new ScreeningOpened(t.AddMinutes(random.Next(10, 600))),
        };
        var at = ((ScreeningOpened)steps[1]).OpenedAt;
        DateTimeOffset Next(int most = 300) => at = at.AddMinutes(random.Next(1, most));
        steps.Add(new RecordsCheckCompleted(Next(), ["IDENT"], true, random.NextDouble() < 0.3 ? [new PriorConviction(ConvictionLevel.Felony, OffenceCategory.Burglary)] : []));
        if (random.NextDouble() < 0.2)
        {
            steps.Add(new CitizenshipClaimAsserted(Next(), ClaimChannel.Interview));
            steps.Add(new CitizenshipClaimReported(Next(60), "ERO duty officer"));
            if (random.NextDouble() < 0.7)
                steps.Add(new CitizenshipClaimResolved(Next(3000), ClaimOutcome.NotSubstantiated));
            return steps;
        }

        string[] countries = ["MX", "GT", "HN", "SV", "VE"];
        steps.Add(new DeterminationRecorded(Next(), Determination.Removable, countries[random.Next(countries.Length)]));
        if (random.NextDouble() < 0.3)
            steps.Add(new ChargesAmended([Speeding], "generated amendment"));
        var path = new List<Func<object>>
        {
            () => new DetainerPrepared(Next(), [ProbableCauseBasis.BiometricAndRecords], WarrantType.I200),
            () => random.NextDouble() < 0.2 ? new DetainerReturned(Next(), "generated return") : new DetainerApproved(Next()),
            () => new DetainerLodged(Next()),
            () => new DetainerServedOnSubject(Next(), "in person"),
            () => new IceNotifiedOfDetainer(Next(2000)),
            () => new I213Prepared(Next(), "I213"),
            () => new ChargingDocumentPrepared(Next(), ChargingDocumentType.NoticeToAppear, ["212(a)(6)(A)(i)"]),
            () => new SubmittedForReview(Next(), [ReviewItem.I213, ReviewItem.ChargingDocument]),
            () => new ReviewApproved(Next()),
            () => new ReleaseEligible(Next(5000)),
            () => new CustodyTransferredToIce(Next(2000), "ERO"),
        };
        var length = random.Next(0, path.Count + 1);
        foreach (var step in path.Take(length))
        {
            var e = step();
            steps.Add(e);
            if (e is DetainerReturned)
                break;
        }

        if (length < 3 && random.NextDouble() < 0.5)
            steps.Add(new ReleasedFromLocalCustody(Next(5000), ReleaseReason.Bonded));
        return steps;
    }
}
