using CaseFlow.Client;
using CaseFlow.Client.Api;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Client;

/// <summary>The generated client, with the kit's handlers, over the test host: what a jail system would use, in process.</summary>
public static class GeneratedClient
{
    /// <summary>Retries as the kit does, without the waits (the host here answers <c>case-busy</c> only when a test wants it).</summary>
    private static readonly CaseFlowRetryOptions Retry = new() { BaseDelay = TimeSpan.Zero };

    public static CaseFlowApiClient Client(this AppFixture app, string token) =>
        CaseFlowClient.Create(new Uri("http://localhost"), _ => ValueTask.FromResult(token), Retry, app.Host.Server.CreateHandler());
}
