using CaseFlow.Import;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Import;

/// <summary>caseflow-import, run whole (its command line) against the test host.</summary>
public class ImportToolTests(AppFixture app)
{
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;

    private string Step(int minutesAgo) => Envelopes.Instant(now.AddMinutes(-minutesAgo));

    private async Task<(int ExitCode, string Output)> Run(JailExport export, CaseScenario scenario, int batchSize, LosingTransport transport)
    {
        var output = new StringWriter();
        var exit = await ImportCommand.Run(export.Arguments(scenario.Ori, scenario.Jail, batchSize), output, transport, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task posts_the_export_in_order_and_writes_what_became_of_every_row()
    {
        var scenario = await CaseScenario.Create(app);
        var (booked, refused) = (Envelopes.NewBookingNumber(), Envelopes.NewBookingNumber());
        using var export = new JailExport()
            .Booking(booked)
            .Booking(refused, model: "JEM", charges: "ICE-ONLY|Civil|Immigration status only")
            .Step(booked, "ScreeningOpened", Step(50), """{"openedAt":"<at>"}""".Replace("<at>", Step(50)))
            .Step(refused, "ScreeningOpened", Step(49), """{"openedAt":"<at>"}""".Replace("<at>", Step(49)))
            .Step(booked, "RecordsCheckCompleted", Step(48), """{"completedAt":"<at>","systemsChecked":["IDENT"],"biometricMatch":true}""".Replace("<at>", Step(48)));
        var transport = new LosingTransport(app.Host.Server.CreateHandler());

        var (exit, output) = await Run(export, scenario, batchSize: 2, transport);

        exit.ShouldBe(ImportCommand.RowsNotStored);
        transport.Requests.ShouldBe(3, "the refused booking's screening is not sent");
        export.ResultRows().Select(r => ((string)r["booking_number"] == booked ? "booked" : "refused", (string)r["type"], (string)r["status"])).ShouldBe(
        [
            ("booked", "BookingRecorded", "applied"),
            ("refused", "BookingRecorded", "refused"),
            ("booked", "ScreeningOpened", "applied"),
            ("refused", "ScreeningOpened", "skipped-dependency"),
            ("booked", "RecordsCheckCompleted", "applied"),
        ]);
        export.ResultRows()[1]["problem_type"].ShouldBe("urn:caseflow:problem:no-criminal-charge");
        (await scenario.Summary(Ids.CaseFlowIds.Case(scenario.Ori, booked))).Case.Version.ShouldBe(3);
        output.ShouldContain("5/5 handled");
        var results = await File.ReadAllTextAsync(export.Results, TestContext.Current.CancellationToken);
        results.ShouldNotContain(JailExport.FamilyName);
        results.ShouldNotContain(JailExport.ANumber);
    }

    [Fact]
    public async Task a_run_stopped_by_the_network_resumes_and_duplicates_nothing()
    {
        var scenario = await CaseScenario.Create(app);
        var bookingNumbers = Enumerable.Range(0, 4).Select(_ => Envelopes.NewBookingNumber()).ToList();
        using var export = new JailExport();
        foreach (var bookingNumber in bookingNumbers)
            export.Booking(bookingNumber);
        foreach (var bookingNumber in bookingNumbers)
            export.Step(bookingNumber, "ScreeningOpened", Step(50), """{"openedAt":"<at>"}""".Replace("<at>", Step(50)));

        // The second batch is stored, but its answer never arrives.
        var (stopped, output) = await Run(export, scenario, batchSize: 3, new LosingTransport(app.Host.Server.CreateHandler(), loseAnswerOf: 2));

        stopped.ShouldBe(ImportCommand.Stopped);
        output.ShouldContain("Run again to resume");
        export.ResultRows().Select(r => (string)r["status"]).ShouldBe(["applied", "applied", "applied", "pending", "pending", "pending", "pending", "pending"]);

        var resumed = new LosingTransport(app.Host.Server.CreateHandler());
        var (exit, _) = await Run(export, scenario, batchSize: 3, resumed);

        exit.ShouldBe(ImportCommand.AllStored);
        resumed.Requests.ShouldBe(2, "the three rows stored first are not sent again; five rows go in two batches");
        export.ResultRows().Select(r => (string)r["status"]).ShouldBe(["applied", "applied", "applied", "replayed", "replayed", "replayed", "applied", "applied"]);
        foreach (var bookingNumber in bookingNumbers)
            (await scenario.Summary(Ids.CaseFlowIds.Case(scenario.Ori, bookingNumber))).Case.Version.ShouldBe(2);
    }

    [Fact]
    public async Task a_row_that_cannot_be_read_is_not_sent_nor_are_the_later_rows_of_its_booking()
    {
        var scenario = await CaseScenario.Create(app);
        var bookingNumber = Envelopes.NewBookingNumber();
        using var export = new JailExport()
            .Booking(bookingNumber)
            .Step(bookingNumber, "ScreeningOpened", "2026-12-01 10:00", """{"openedAt":"2026-12-01T10:00:00Z"}""")
            .Step(bookingNumber, "RecordsCheckCompleted", Step(48), """{"completedAt":"<at>","systemsChecked":["IDENT"],"biometricMatch":true}""".Replace("<at>", Step(48)));
        var transport = new LosingTransport(app.Host.Server.CreateHandler());

        var (exit, _) = await Run(export, scenario, batchSize: 10, transport);

        exit.ShouldBe(ImportCommand.RowsNotStored);
        transport.Requests.ShouldBe(1);
        var rows = export.ResultRows();
        rows.Select(r => (string)r["status"]).ShouldBe(["applied", "invalid", "skipped-dependency"]);
        rows[1]["detail"].ShouldBe("occurred_at is not an RFC 3339 instant with an offset");
    }
}
