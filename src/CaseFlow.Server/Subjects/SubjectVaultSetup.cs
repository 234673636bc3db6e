namespace CaseFlow.Server.Subjects;

public static class SubjectVaultSetup
{
    /// <summary>The vault's keys from configuration, checked when the host starts: a node without usable keys does not start.</summary>
    public static void AddSubjectVault(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VaultOptions>().Bind(builder.Configuration.GetSection(VaultOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<VaultOptions>, VaultOptionsValidation>();
        builder.Services.AddSingleton<SubjectVault>();
        builder.Services.AddSingleton<CaseFlow.Server.Operations.VaultRewrap>();
    }
}
