using CaseFlow.Client.Api;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CaseFlow.Client;

/// <summary>Makes the generated <see cref="CaseFlowApiClient"/> with the kit's handlers in front of it.</summary>
public static class CaseFlowClient
{
    /// <summary>
    /// A client of the CaseFlow at <paramref name="baseUrl"/>: every request carries the token
    /// <paramref name="token"/> gives, and what CaseFlow marks retryable is retried with the same body
    /// (<see cref="CaseFlowRetryHandler"/>). <paramref name="transport"/> replaces the network (tests).
    /// </summary>
    public static CaseFlowApiClient Create(
        Uri baseUrl, Func<CancellationToken, ValueTask<string>> token, CaseFlowRetryOptions? retry = null, HttpMessageHandler? transport = null)
    {
        var handlers = new CaseFlowTokenHandler(token)
        {
            InnerHandler = new CaseFlowRetryHandler(retry) { InnerHandler = transport ?? new SocketsHttpHandler() },
        };
        var http = new HttpClient(handlers) { BaseAddress = baseUrl };
        return new CaseFlowApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        });
    }
}
