namespace CaseFlow.Client;

/// <summary>How <see cref="CaseFlowRetryHandler"/> retries.</summary>
public sealed record CaseFlowRetryOptions
{
    /// <summary>Retries after the first try; the last answer is returned as it came once they are spent.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first wait for a retryable problem without <c>Retry-After</c>; it doubles with each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait: an answer asking for more (<c>Retry-After</c>) is returned to the caller instead.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
}
