using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using JasperFx;
using JasperFx.Events;
using Marten;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace CaseFlow.Bench;

/// <summary>
/// The comparison point: the same BookingRecorded event appended by an idiomatic Wolverine + Marten endpoint
/// with none of CaseFlow's intake features (no envelope, idempotency, queueing, rules, chain, subject record or auth).
/// </summary>
public static class BaselineService
{
    public static async Task<int> Run(string url, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = "bench_baseline";
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            })
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(BaselineService).Assembly;
            opts.Policies.AutoApplyTransactions();
        });
        builder.Services.AddWolverineHttp();
        var app = builder.Build();
        app.MapWolverineEndpoints();
        await app.RunAsync();
        return 0;
    }
}

public sealed record PlainBooking(string Ori, string BookingNumber, DateTimeOffset BookedAt, string Code, string Description);

public static class PlainBookingEndpoint
{
    [WolverinePost("/baseline/bookings")]
    public static (CreationResponse<Guid>, IStartStream) Post(PlainBooking booking)
    {
        var caseId = CaseId.For(booking.Ori, booking.BookingNumber);
        var recorded = new BookingRecorded(caseId, booking.Ori, ProgramModel.JEM, booking.BookingNumber, booking.BookedAt,
            [new Charge(booking.Code, booking.Description, ChargeLevel.Misdemeanor)], null, CaseId.SubjectRefFor(caseId), Guid.Empty, "HOU", "America/Chicago");
        return (new CreationResponse<Guid>($"/baseline/bookings/{caseId}", caseId), MartenOps.StartStream<BookingState>(caseId, recorded));
    }
}

/// <summary>The stream's aggregate type; the baseline keeps no snapshot of it.</summary>
public sealed class BookingState
{
    public Guid Id { get; set; }
}
