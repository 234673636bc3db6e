using CaseFlow.Domain.Agreements;
using CaseFlow.Server.Governance;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace CaseFlow.Server.Platform;

public static class PersistenceSetup
{
    public const string SchemaName = "caseflow";

    /// <summary>Marten (event store and documents) and Wolverine (HTTP endpoints, messaging) on one PostgreSQL.</summary>
    public static void AddCaseFlowPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("ConnectionStrings:Marten is not configured (./ops/run sets it).");

        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = SchemaName;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Projections.Add<AgreementProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<Agreement>().Index(a => a.Key).Index(a => a.FieldOfficeCode).Index(a => a.StateCode);
            })
            .IntegrateWithWolverine()
            .InitializeWith<AgreementSeed>();

        // Production applies reviewed migrations (db-apply / db-patch) before it starts and never changes the schema itself.
        if (builder.Environment.IsDevelopment())
            marten.ApplyAllDatabaseChangesOnStartup();

        builder.Host.UseWolverine(opts =>
        {
            // With xUnit v3 the test assembly is an executable and Wolverine would otherwise adopt it.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.Policies.AutoApplyTransactions();
        });

        builder.Services.CritterStackDefaults(x =>
        {
            x.Production.GeneratedCodeMode = TypeLoadMode.Static;
            x.Production.AssertAllPreGeneratedTypesExist = true;
            x.Production.ResourceAutoCreate = AutoCreate.None;
            if (builder.Configuration["Codegen:OutputPath"] is { } outputPath)
                x.GeneratedCodeOutputPath = outputPath;
        });
    }
}
