using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace CaseFlow.Client;

/// <summary>
/// Retries exactly what CaseFlow says may be retried: a problem marked <c>"retryable": true</c> (a busy case, a
/// transient fault), and a 429 or 503 that carries <c>Retry-After</c>, waiting as long as the server asks. Every try
/// sends the same bytes, so a write is retried with the same event id and CaseFlow stores it once (a retry of a write
/// that did land answers <c>Idempotent-Replayed: true</c>). Any other answer, and a network failure, goes to the caller.
/// </summary>
public sealed class CaseFlowRetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public CaseFlowRetryHandler(CaseFlowRetryOptions? options = null, TimeProvider? time = null)
    {
        options ??= new CaseFlowRetryOptions();
        time ??= TimeProvider.System;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => args.Outcome.Result is { } response
                    ? ShouldRetry(response, options.MaxDelay, time)
                    : ValueTask.FromResult(false),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Buffered once, so every try sends the very same body (the same event id), whatever stream the caller gave.
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        return await pipeline.ExecuteAsync(
            async (state, token) => await state.Handler.BaseSendAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken);
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static async ValueTask<bool> ShouldRetry(HttpResponseMessage response, TimeSpan maxDelay, TimeProvider time)
    {
        var retryAfter = RetryAfter(response, time);
        if (retryAfter > maxDelay)
            return false;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && retryAfter is not null)
            return true;
        return await IsRetryableProblem(response);
    }

    private static async Task<bool> IsRetryableProblem(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return false;
        try
        {
            // Read from the buffer, which leaves the body whole for the caller when this answer is not retried.
            using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("retryable", out var retryable)
                && retryable.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };
}
