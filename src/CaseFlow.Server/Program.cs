using CaseFlow.Server.Audit;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Integrity;
using CaseFlow.Server.Integrity.Checkpoints;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Security;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Writing;
using JasperFx;
using Wolverine.Http;
using Wolverine.Http.Marten;

var builder = WebApplication.CreateBuilder(args);
builder.Host.ApplyJasperFxExtensions();

builder.AddCaseFlowTelemetry();
// Before the persistence (Wolverine's scheduler): the first reading of the database's clock precedes any deadline.
var databaseClock = new DatabaseClock(TimeProvider.System);
builder.Services.AddSingleton(databaseClock);
builder.Services.AddSingleton<TimeProvider>(databaseClock);
builder.Services.AddHostedService<DatabaseClockSync>();
builder.AddCaseFlowPersistence(PersistenceSetup.RoleOf(args, builder.Configuration));
builder.AddCaseFlowAuthentication();
builder.AddCaseFlowAccessAudit();
builder.AddCaseFlowRateLimits();
builder.AddCaseFlowProxies();
builder.AddSubjectVault();
builder.AddCaseFlowCheckpoints();
builder.Services.AddAuthorization(Policies.Register);
builder.Services.AddCaseFlowProblemDetails();
builder.Services.AddCaseFlowHealth();
builder.Services.AddCaseFlowOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Intake"));
builder.Services.AddOptions<GovernanceOptions>().Bind(builder.Configuration.GetSection(GovernanceOptions.Section)).ValidateOnStart();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<GovernanceOptions>, GovernanceOptionsValidation>();
builder.Services.Configure<QueueOptions>(builder.Configuration.GetSection("Queues"));
builder.Services.AddSingleton<QueueFreshness>();
builder.Services.AddSingleton<CurrentAgreements>();
builder.Services.AddSingleton<StatisticsRunner>();
builder.Services.AddSingleton<MonthlyReports>();
builder.Services.AddSingleton<KeptReleases>();
builder.Services.AddSingleton<QueueRunner>();
builder.Services.AddSingleton<MessageScheduler>();
builder.Services.AddSingleton<EventWriter>();
builder.Services.AddSingleton<WriteQueue>();
builder.Services.AddSingleton<IntakeServices>();
builder.Services.AddSingleton<StoredEventRows>();
builder.Services.AddSingleton<ChainVerifier>();
builder.Services.AddSingleton<ExceptionFinder>();
builder.Services.AddSingleton<DeadLetterQueue>();
builder.Services.AddSingleton<CaseFlowMetrics>();
builder.Services.AddSingleton<StoreGauges>();
builder.Services.AddSingleton<AccessLogGauges>();
builder.Services.AddSingleton<ProjectionShards>();
builder.Services.AddSingleton<ProjectionLag>();
builder.Services.AddHostedService<ProjectionLagSampler>();
builder.Services.AddHostedService<StoppedShardRetry>();
builder.Services.AddHostedService<DemoNotice>();
builder.Services.AddWolverineHttp();

var app = builder.Build();
// Gauges are observed from the first collection on, not from their first use.
app.Services.GetRequiredService<StoreGauges>();
app.Services.GetRequiredService<AccessLogGauges>();
app.UseCaseFlowProxies();
app.UseCaseFlowSecurityHeaders();
app.UseCaseFlowProblemDetails();
app.UseAuthentication();
app.UseCaseFlowAccessAudit();
app.UseCaseFlowBodyLimits();
app.UseCaseFlowUrlGuard();
app.UseRateLimiter();
app.UseAuthorization();
app.MapCaseFlowHealth();
app.MapCaseFlowMetrics();
app.MapCaseFlowOpenApi();
app.MapWolverineEndpoints(o =>
{
    o.MapMartenConcurrencyFailuresToConflict();
});

return await app.RunJasperFxCommands(args);

public partial class Program;
