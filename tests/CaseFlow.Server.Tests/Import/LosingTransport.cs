namespace CaseFlow.Server.Tests.Import;

/// <summary>
/// The test host's transport, counting requests; the request numbered <paramref name="loseAnswerOf"/> reaches the
/// server but its answer is lost, as when the network fails after CaseFlow stored the batch.
/// </summary>
public sealed class LosingTransport(HttpMessageHandler server, int? loseAnswerOf = null) : DelegatingHandler(server)
{
    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await base.SendAsync(request, cancellationToken);
        if (++Requests != loseAnswerOf)
            return answer;
        answer.Dispose();
        throw new HttpRequestException("The connection was reset (simulated).");
    }
}
