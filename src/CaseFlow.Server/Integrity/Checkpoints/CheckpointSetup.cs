using Microsoft.Extensions.Options;
using Wolverine;

namespace CaseFlow.Server.Integrity.Checkpoints;

public static class CheckpointSetup
{
    /// <summary>
    /// Signed checkpoints when <c>Checkpoints:Folder</c> and a key are configured (docs/operations.md); a node without
    /// them signs nothing and verifies the hash chains alone. In Production a folder the <c>postgres</c> user could
    /// write refuses the start.
    /// </summary>
    public static void AddCaseFlowCheckpoints(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CheckpointOptions.Section).Get<CheckpointOptions>() ?? new CheckpointOptions();
        if (options.Configured && builder.Environment.IsProduction() && CheckpointFolderGuard.Refusal(options.Folder!) is { } refusal)
            throw new OptionsValidationException(CheckpointOptions.Section, typeof(CheckpointOptions), [$"Checkpoints:Folder: {refusal}."]);

        builder.Services.Configure<CheckpointOptions>(builder.Configuration.GetSection(CheckpointOptions.Section));
        builder.Services.AddSingleton(Checkpointing.From(options));
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddSingleton<WrittenCheckpoints>();
        builder.Services.AddSingleton<StoreScan>();
        builder.Services.AddSingleton<StoreVerifier>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && !string.IsNullOrWhiteSpace(options.Folder))
            builder.Services.AddSingularAgent<CheckpointAgent>();
    }
}
