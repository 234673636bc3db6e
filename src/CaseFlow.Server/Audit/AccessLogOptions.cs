namespace CaseFlow.Server.Audit;

/// <summary>How the background writer batches the queued access records (docs/security.md, "The access audit").</summary>
public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>
    /// How long queued records gather after the first one arrives before they are stored together, unless a flush
    /// or a full batch is already queued when the writer takes them (a flush that comes meanwhile waits for the end);
    /// zero stores each as soon as the writer takes it. Ten milliseconds make one commit of
    /// about ten records at a thousand reads a second, where storing at once made two or three a commit
    /// (docs/benchmarks.md, "The access log's commits").
    /// </summary>
    public TimeSpan Gathering { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest <see cref="Gathering"/> allowed: a crash loses the records still gathering.</summary>
    public static readonly TimeSpan MaxGathering = TimeSpan.FromSeconds(5);
}
