using System.Net;
using System.Text;

namespace CaseFlow.Client.Tests;

/// <summary>A transport that answers with the scripted responses in turn and keeps every request body it was sent.</summary>
public sealed class ScriptedServer(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
{
    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        return answers[Math.Min(Bodies.Count, answers.Length) - 1]();
    }

    public static HttpResponseMessage Problem(HttpStatusCode status, bool? retryable, TimeSpan? retryAfter = null)
    {
        var retryableMember = retryable is { } value ? $""","retryable":{(value ? "true" : "false")}""" : "";
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($$"""{"type":"urn:caseflow:problem:case-busy","status":{{(int)status}}{{retryableMember}}}""", Encoding.UTF8, "application/problem+json"),
        };
        if (retryAfter is { } delay)
            response.Headers.RetryAfter = new(delay);
        return response;
    }

    public static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("") };
        if (retryAfter is { } delay)
            response.Headers.RetryAfter = new(delay);
        return response;
    }

    public static HttpResponseMessage Created() =>
        new(HttpStatusCode.Created) { Content = new StringContent("""{"version":1}""", Encoding.UTF8, "application/json") };
}
