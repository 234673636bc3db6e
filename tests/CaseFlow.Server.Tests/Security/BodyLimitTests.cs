using System.Text.Json;
using Alba;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Bodies over an endpoint's limit are refused with 413 before they are read; the batch declares a larger one. Every
/// string is bounded, whatever its field.
/// </summary>
public class BodyLimitTests(AppFixture app)
{
    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);

    [Fact]
    public async Task a_single_event_over_64_KiB_is_refused_before_it_is_read()
    {
        var body = new UnreadBody();

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Url("/api/bookings");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = BodyLimits.DefaultBytes + 1;
                c.Request.Body = body;
            });
            s.Bearer(Jail);
            s.StatusCodeShouldBe(413);
        });

        body.Touched.ShouldBeFalse("the server read the body it refused");
        using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());
        problem.RootElement.GetProperty("type").GetString().ShouldBe("urn:caseflow:problem:" + BodyLimits.ProblemCode);
        problem.RootElement.GetProperty("maxBytes").GetInt64().ShouldBe(BodyLimits.DefaultBytes);
    }

    [Fact]
    public async Task a_batch_may_be_larger_than_a_single_event_up_to_its_own_limit()
    {
        var events = Enumerable.Range(0, 200).Select(_ => Envelopes.Booking(Envelopes.NewBookingNumber())).ToList();
        var body = JsonSerializer.Serialize(new { events });
        body.Length.ShouldBeGreaterThan((int)BodyLimits.DefaultBytes, "the batch must be over the single-event limit");

        var accepted = await Send("/api/events/batch", new { events });
        var tooLarge = await Send("/api/events/batch", new { events, padding = new string('x', (int)PostBatchEndpoint.MaxBytes) });

        accepted.Context.Response.StatusCode.ShouldBe(200);
        tooLarge.Context.Response.StatusCode.ShouldBe(413);
        (await tooLarge.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:" + BodyLimits.ProblemCode);
    }

    [Fact]
    public async Task a_string_over_2000_characters_is_refused_in_any_field()
    {
        var caseId = await app.Host.StartCase(Jail);

        var refused = await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1), reason: new string('x', 2_001)), 400);
        await app.Host.PostCaseEvent(Jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(1), reason: new string('x', 2_000)));

        (await refused.ReadAsTextAsync()).ShouldContain("at most 2000 characters");
    }

    /// <summary>A request body that records whether anything tried to read it, and has nothing to give.</summary>
    private sealed class UnreadBody : Stream
    {
        public bool Touched { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set { } }

        public override int Read(byte[] buffer, int offset, int count) => Touch();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Touch());

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Touch());

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Touch()
        {
            Touched = true;
            return 0;
        }
    }

    private Task<IScenarioResult> Send(string url, object body) => app.Host.Scenario(s =>
    {
        s.Post.Text(JsonSerializer.Serialize(body)).ToUrl(url);
        s.WithRequestHeader("Content-Type", "application/json");
        s.Bearer(Jail);
        s.IgnoreStatusCode();
    });
}
