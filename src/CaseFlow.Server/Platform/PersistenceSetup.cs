using System.Globalization;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Officers;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Feed;
using CaseFlow.Server.Governance;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Queues;
using CaseFlow.Server.Reports;
using CaseFlow.Server.Statistics;
using CaseFlow.Server.Subjects;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace CaseFlow.Server.Platform;

public static class PersistenceSetup
{
    public const string SchemaName = "caseflow";

    /// <summary>
    /// What a process started from the command line <paramref name="args"/> does with the store: the <c>projections</c>
    /// command rebuilds; any other process is what its setting <c>StoreRole</c> says, a node by default (the demo
    /// loader's catch-up runs as a rebuild).
    /// </summary>
    public static StoreRole RoleOf(string[] args, IConfiguration configuration) =>
        args is ["projections", ..] ? StoreRole.Rebuild : configuration.GetValue("StoreRole", StoreRole.Node);

    /// <summary>Marten (event store and documents) and Wolverine (HTTP endpoints, messaging) on one PostgreSQL.</summary>
    public static void AddCaseFlowPersistence(this WebApplicationBuilder builder, StoreRole role)
    {
        var intake = builder.Configuration.GetSection("Intake").Get<IntakeOptions>() ?? new IntakeOptions();
        var connectionString = StoreConnectionString(
            builder.Configuration.GetConnectionString("Marten")
                ?? throw new InvalidOperationException("ConnectionStrings:Marten is not configured (./ops/run sets it)."),
            intake,
            role);

        builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                // A writer holds its events' sequence numbers from before its inserts until its commit, and an insert may
                // wait up to the lock wait on another transaction's uncommitted row (the same event id, sent again to
                // another node). The daemon must not step over the gap this leaves before the writer commits, or its
                // events lie behind every projection's position, never applied. Two guards, each enough on its own
                // (Faults/SequenceGapTests): it holds while PostgreSQL shows a transaction that may still fill the gap
                // (Marten's default, set here so an upgrade cannot drop it), and it waits twice the lock wait, not
                // Marten's 3 s, before taking a gap without such evidence for a rolled-back transaction's.
                opts.Projections.UseTransactionEvidenceForGapSkipping = true;
                opts.Projections.StaleSequenceThreshold = intake.LockWait * 2;
                ConfigureEventStore(opts);
                ConfigureProjections(opts,
                    builder.Configuration.GetSection(GovernanceOptions.Section).Get<GovernanceOptions>()?.Refresher ?? RefresherPolicy.Default,
                    // A node started with AsyncProjections:Enabled=false serves requests but never runs the asynchronous
                    // projections (a second process beside a running node, a read replica's API).
                    builder.Configuration.GetValue("AsyncProjections:Enabled", true),
                    role);
            })
            .UseLightweightSessions()
            // Async projections run as agents Wolverine distributes across the nodes; one node is the degenerate case.
            .IntegrateWithWolverine(m => m.UseWolverineManagedEventSubscriptionDistribution = true)
            .InitializeWith<AgreementSeed>();

        // Events are stamped by the node's clock, not the wall clock (the demo loader's simulated year); the Rich append
        // mode takes the timestamp from it, where the Quick mode would take the database's now().
        builder.Services.ConfigureMarten((services, opts) => opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>());

        builder.Host.UseWolverine(opts =>
        {
            // With xUnit v3 the test assembly is an executable and Wolverine would otherwise adopt it.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.Policies.AutoApplyTransactions();
            // Scheduled deadlines live in the database with the event that set them, not in memory.
            opts.Policies.UseDurableLocalQueues();
            opts.OnException<Exception>().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
            ClusterTakeover.Configure(opts.Durability);
            OverdueDeadlines.Configure(opts.Durability);
        });

        builder.Services.CritterStackDefaults(x =>
        {
            x.Production.GeneratedCodeMode = TypeLoadMode.Static;
            x.Production.AssertAllPreGeneratedTypesExist = true;
            // The schema is caseflow_owner's, changed only by reviewed migrations (ops/migrate); no node changes it, nor
            // checks it on first use (Marten's documents, Wolverine's message storage), in any environment.
            x.Production.ResourceAutoCreate = AutoCreate.None;
            x.Development.ResourceAutoCreate = AutoCreate.None;
            if (builder.Configuration["Codegen:OutputPath"] is { } outputPath)
                x.GeneratedCodeOutputPath = outputPath;
        });
    }

    /// <summary>
    /// The pages of events the per-case projections fetch when the daemon runs them: each case a page touches is folded
    /// over its events in the page and stored once, and the statistics' cells change once per transaction (migration
    /// 0006), so larger pages store fewer rows per event when a projection is rebuilt or catches up. A node that keeps up
    /// fetches what is new, however little.
    /// </summary>
    /// <remarks>
    /// A rebuild takes pages of 25,000, planned with their values (<see cref="StoreConnectionString"/>); national year,
    /// docs/benchmarks.md "Replay speed": the case summary 41,590 events/s against 28,467 with pages of 5,000, the queues
    /// 34,043–34,345 (28,557–29,793 with pages of 20,000) against 20,418, the statistics alone 19,056–23,876 against
    /// 12,714–13,722. Pages of 30,000 ran out of a 300 MiB GC heap in the queues' rebuild. A node keeps 5,000: on its
    /// connections PostgreSQL may keep a generic plan of the page statement once its pages cost more than that plan's
    /// guess of a range (0.5 % of the events), and the generic plan for a page larger than the guess hashes every event
    /// up to the high-water mark, 4.8 s a page of the national year instead of 52 ms (docs/benchmarks.md, "The event
    /// page's plan, by the process's role").
    /// </remarks>
    private static Action<AsyncOptions> Pages(StoreRole role) =>
        options => options.BatchSize = role == StoreRole.Rebuild ? 25_000 : 5_000;

    /// <summary>
    /// Every projection (inline, and the asynchronous ones when <paramref name="withAsync"/>), the documents' indexes
    /// and the rule that no projection skips an event: the node's, and the replay benchmark's store beside it.
    /// </summary>
    public static void ConfigureProjections(StoreOptions opts, RefresherPolicy refresher, bool withAsync, StoreRole role)
    {
        opts.Projections.Add<AgreementProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CaseFileProjection>(ProjectionLifecycle.Inline, Pages(role));
        opts.Projections.Add<OfficerProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ComplaintProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ReportReleaseProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add(new OfficerStatisticsProjection(refresher), ProjectionLifecycle.Inline);
        if (withAsync)
        {
            opts.Projections.Add(FeedProjection.Source(), ProjectionLifecycle.Async);
            CaseReadModels.Register(opts, Pages(role));
        }

        opts.Schema.For<FeedEntry>().Index(f => f.Ori);
        CaseQueueSchema.Configure(opts);
        ReleasedReport.Configure(opts);
        GovernanceCounts.Configure(opts);
        // Every document type is declared here, so ./ops/migrate new writes its table into a migration.
        opts.Schema.For<VaultedSubject>().GinIndexJsonDataMember(s => s.SearchTags);
        opts.Schema.For<CaseFlow.Server.Operations.DemoMark>();
        // An auditable store never skips an event: a projection that cannot apply one stops, visibly.
        foreach (var errors in new[] { opts.Projections.Errors, opts.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors = false;
            errors.SkipSerializationErrors = false;
            errors.SkipUnknownEvents = false;
        }
        opts.Schema.For<Agreement>().Index(a => a.Key).Index(a => a.FieldOfficeCode).Index(a => a.StateCode);
        opts.Schema.For<Officer>().Index(o => o.Key).Index(o => o.FieldOfficeCode);
    }

    /// <summary>How CaseFlow's events and documents are stored: schema, serialization, stream identity, metadata and event type names.</summary>
    public static void ConfigureEventStore(StoreOptions opts)
    {
        opts.DatabaseSchemaName = SchemaName;
        // jsonb reorders keys, so a case's kept facts may read their type discriminator after other members.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.AllowOutOfOrderMetadataProperties = true);
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.EnableUniqueIndexOnEventId = true;
        // Shard state (running, paused and why, failures) in mt_event_progression, for readiness and operators.
        opts.Events.EnableExtendedProgressionTracking = true;
        foreach (var type in EventCatalogue.All)
            opts.Events.MapEventType(type, type.Name);
    }

    /// <summary>
    /// The connection string a process opens the store with. Writers on one case queue on its stream row; PostgreSQL's
    /// lock_timeout bounds that wait, so a writer that waited too long fails fast and is answered 409 with Retry-After
    /// instead of holding a connection. Settings the operator's own <c>Options</c> already give are left as they are.
    /// </summary>
    /// <remarks>
    /// Statements a node sends again and again (the append function, the lock, the inline documents' upserts, the
    /// access record) are prepared on each connection once (Npgsql's automatic preparation): PostgreSQL otherwise parses
    /// and plans every one of them each time, which was a third of its CPU per written event (docs/benchmarks.md).
    /// A rebuild plans every statement with its values (plan_cache_mode): its large pages cost more than the generic
    /// plan's guess and would otherwise get that plan (<see cref="Pages"/>). A node keeps the generic plans: planning
    /// each statement every time cost it 0.08 ms more of PostgreSQL's CPU per case summary and 0.1–0.25 ms per booking.
    /// </remarks>
    public static string StoreConnectionString(string connectionString, IntakeOptions intake, StoreRole role)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = WithSetting(builder.Options, "lock_timeout", ((int)intake.LockWait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        if (role == StoreRole.Rebuild)
            builder.Options = WithSetting(builder.Options, "plan_cache_mode", "force_custom_plan");
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    private static string WithSetting(string? options, string name, string value) =>
        options?.Contains(name, StringComparison.Ordinal) == true ? options : $"{options} -c {name}={value}".Trim();
}
