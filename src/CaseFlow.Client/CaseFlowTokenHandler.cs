using System.Net.Http.Headers;

namespace CaseFlow.Client;

/// <summary>
/// Puts a bearer token on every request, asking for it each time: CaseFlow's tokens live an hour at most, so the
/// caller's provider refreshes them (and caches them as long as they last).
/// </summary>
public sealed class CaseFlowTokenHandler(Func<CancellationToken, ValueTask<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
