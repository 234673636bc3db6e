using CaseFlow.Client.Generated;
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
        Uri baseUrl, Func<CancellationToken, ValueTask<string>> token, CaseFlowRetryOptions? retry = null, HttpMessageHandler? transport = null) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: CreateHttpClient(baseUrl, token, retry, transport))
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        });

    /// <summary>
    /// The <see cref="HttpClient"/> under <see cref="Create"/>, for calls made without the generated classes. Kiota's own
    /// default handlers are left out on purpose: its retry handler would retry every 429/503, retryable or not.
    /// </summary>
    public static HttpClient CreateHttpClient(
        Uri baseUrl, Func<CancellationToken, ValueTask<string>> token, CaseFlowRetryOptions? retry = null, HttpMessageHandler? transport = null) =>
        new(new CaseFlowTokenHandler(token) { InnerHandler = new CaseFlowRetryHandler(retry) { InnerHandler = transport ?? new SocketsHttpHandler() } })
        {
            BaseAddress = baseUrl,
        };
}
