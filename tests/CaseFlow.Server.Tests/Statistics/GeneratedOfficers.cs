using CaseFlow.Domain;
using CaseFlow.Domain.Complaints;
using CaseFlow.Domain.Officers;
using CaseFlow.Domain.Statistics;
using Marten;

namespace CaseFlow.Server.Tests.Statistics;

/// <summary>
/// A seeded set of officer and complaint records at the given agencies, appended straight to the event store (the
/// rules are not the point here; the fold is): exams passed and failed, certifications, authorizations, revocations,
/// re-authorizations and refreshers over 2021–2026, many of them on the instant of a month's end in the agency's zone,
/// a tick either side of it, or minutes away.
/// </summary>
public static class GeneratedOfficers
{
    public static Task Append(IDocumentStore store, IReadOnlyList<(string Ori, string FieldOffice, string TimeZone)> agencies, int count, int seed) =>
        AppendStreams<Officer>(store, agencies, count, seed, (id, agency, _, random) => Steps(id, agency.Ori, agency.FieldOffice, agency.TimeZone, random));

    /// <summary>Complaints learned of over 2022–2025, most of them told to ICE within 0 to 120 hours, the rest not yet.</summary>
    public static Task AppendComplaints(IDocumentStore store, IReadOnlyList<(string Ori, string FieldOffice, string TimeZone)> agencies, int count, int seed) =>
        AppendStreams<Complaint>(store, agencies, count, seed, (id, agency, i, random) =>
        {
            var learnedAt = Near(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 4 * 365)), agency.TimeZone, random);
            List<object> events = [new ComplaintReceived(id, agency.Ori, $"C-{i}", Guid.NewGuid(), learnedAt, agency.TimeZone, agency.FieldOffice)];
            if (random.NextDouble() < 0.7)
                events.Add(new IceNotifiedOfComplaint(learnedAt.AddHours(random.Next(0, 120))));
            return events;
        });

    private static async Task AppendStreams<TState>(
        IDocumentStore store, IReadOnlyList<(string Ori, string FieldOffice, string TimeZone)> agencies, int count, int seed,
        Func<Guid, (string Ori, string FieldOffice, string TimeZone), int, Random, List<object>> events) where TState : class
    {
        var random = new Random(seed);
        await using var session = store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<TState>(id, [.. events(id, agencies[i % agencies.Count], i, random)]);
        }

        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static List<object> Steps(Guid id, string ori, string fieldOffice, string zone, Random random)
    {
        ProgramModel[] models = random.Next(3) switch { 0 => [ProgramModel.JEM], 1 => [ProgramModel.WSO], _ => [ProgramModel.JEM, ProgramModel.WSO] };
        var t = new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
        DateTimeOffset Later(int maxDays) => t = Near(t.AddDays(random.Next(1, maxDays)), zone, random);
        var steps = new List<object>
        {
            new OfficerNominated(id, ori, $"B{random.Next(100000)}", models, t, fieldOffice),
            new BackgroundCheckCompleted(Later(30), random.NextDouble() < 0.1 ? BackgroundCheckResult.Failed : BackgroundCheckResult.Passed),
        };
        foreach (var model in models)
        {
            var attempts = new List<ExamResult>();
            for (var course = 0; course < 1 + random.Next(2); course++)
            {
                ExamResult[] exams = [new("law", random.Next(55, 100)), new("practical", random.Next(60, 100))];
                steps.Add(new TrainingCompleted("basic", model, Later(60), exams, TrainingPolicy.Judge(attempts, exams)));
                attempts.AddRange(exams);
            }

            steps.Add(new OfficerCertified(model, Later(20)));
        }

        for (var authorization = 0; authorization < 1 + random.Next(3); authorization++)
        {
            steps.Add(new AuthorizationIssued(models, Later(40), "L", "F", "C"));
            for (var refresher = 0; refresher < random.Next(3); refresher++)
                steps.Add(new RefresherCompleted(models[random.Next(models.Length)], Later(500)));
            if (random.NextDouble() < 0.6)
                steps.Add(new AuthorizationRevoked(Later(400), "generated", "R"));
        }

        return steps;
    }

    /// <summary>Often exactly a month's last instant in the zone, a tick either side of it, or minutes from it; otherwise as given.</summary>
    private static DateTimeOffset Near(DateTimeOffset t, string zone, Random random)
    {
        if (random.NextDouble() < 0.5)
            return t;
        var end = StatisticsCalendar.EndOf(StatisticsCalendar.MonthOf(t, zone), zone);
        return random.Next(4) switch
        {
            0 => end,
            1 => end.AddTicks(-1),
            2 => end.AddTicks(1),
            _ => end.AddMinutes(random.Next(-180, 180)),
        };
    }
}
