using System.Net;
using System.Text;

namespace CaseFlow.Client.Tests;

public class CaseFlowRetryHandlerTests
{
    private static readonly CaseFlowRetryOptions NoWaiting = new() { BaseDelay = TimeSpan.Zero, MaxRetries = 3, MaxDelay = TimeSpan.FromSeconds(30) };
    private const string Envelope = """{"eventId":"6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f","type":"ScreeningOpened"}""";

    private static async Task<(HttpResponseMessage Answer, ScriptedServer Server)> Post(params Func<HttpResponseMessage>[] answers)
    {
        var server = new ScriptedServer(answers);
        using var client = new HttpClient(new CaseFlowRetryHandler(NoWaiting) { InnerHandler = server });
        // A stream body, read once by the first try: the handler must still send it whole on every retry.
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Envelope)));
        var answer = await client.PostAsync("http://caseflow.test/api/cases/x/events", body, TestContext.Current.CancellationToken);
        return (answer, server);
    }

    public static TheoryData<string, Func<HttpResponseMessage>> Retried => new()
    {
        { "a problem marked retryable", () => ScriptedServer.Problem(HttpStatusCode.Conflict, retryable: true) },
        { "a retryable problem with Retry-After", () => ScriptedServer.Problem(HttpStatusCode.Conflict, retryable: true, TimeSpan.Zero) },
        { "429 with Retry-After", () => ScriptedServer.Status(HttpStatusCode.TooManyRequests, TimeSpan.Zero) },
        { "503 with Retry-After", () => ScriptedServer.Status(HttpStatusCode.ServiceUnavailable, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(Retried))]
    public async Task retries_what_caseflow_marks_retryable_sending_the_same_event_each_time(string why, Func<HttpResponseMessage> first)
    {
        var (answer, server) = await Post(first, first, ScriptedServer.Created);

        answer.StatusCode.ShouldBe(HttpStatusCode.Created, why);
        server.Bodies.Count.ShouldBe(3);
        server.Bodies.ShouldAllBe(body => body == Envelope);
    }

    public static TheoryData<string, Func<HttpResponseMessage>> NotRetried => new()
    {
        { "a problem marked not retryable", () => ScriptedServer.Problem(HttpStatusCode.Conflict, retryable: false) },
        { "a problem that does not say", () => ScriptedServer.Problem(HttpStatusCode.UnprocessableEntity, retryable: null) },
        { "429 without Retry-After", () => ScriptedServer.Status(HttpStatusCode.TooManyRequests) },
        { "503 without Retry-After", () => ScriptedServer.Status(HttpStatusCode.ServiceUnavailable) },
        { "500 with Retry-After", () => ScriptedServer.Status(HttpStatusCode.InternalServerError, TimeSpan.Zero) },
        { "429 asking for longer than MaxDelay", () => ScriptedServer.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(31)) },
        { "a retryable problem asking for longer than MaxDelay", () => ScriptedServer.Problem(HttpStatusCode.Conflict, true, TimeSpan.FromSeconds(31)) },
    };

    [Theory]
    [MemberData(nameof(NotRetried))]
    public async Task hands_every_other_answer_to_the_caller_with_its_body_whole(string why, Func<HttpResponseMessage> first)
    {
        var expected = await first().Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var (answer, server) = await Post(first, ScriptedServer.Created);

        server.Bodies.Count.ShouldBe(1, why);
        (await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(expected);
    }

    [Fact]
    public async Task gives_the_last_answer_once_the_retries_are_spent()
    {
        var (answer, server) = await Post(() => ScriptedServer.Problem(HttpStatusCode.Conflict, retryable: true));

        server.Bodies.Count.ShouldBe(1 + NoWaiting.MaxRetries);
        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("case-busy");
    }
}
