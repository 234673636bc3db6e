using CaseFlow.Domain.Intake;

namespace CaseFlow.Domain.Tests.Intake;

public class OccurredAtTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);

    [Theory]
    [InlineData("2026-01-15T09:30:00-06:00", false, null)]
    [InlineData("2026-01-15T15:30:00Z", false, null)]
    [InlineData("2026-01-15T15:30:00.123456+00:00", false, null)]
    [InlineData("2026-01-15T16:04:59Z", false, null)]
    [InlineData("2026-01-15T16:05:01Z", false, "future")]
    [InlineData("2026-01-15T09:30:00", false, "offset")]
    [InlineData("2026-01-15", false, "offset")]
    [InlineData("January 15, 2026", false, "offset")]
    [InlineData("", false, "required")]
    [InlineData("2026-01-12T15:59:59Z", false, "late")]
    [InlineData("2026-01-12T15:59:59Z", true, null)]
    [InlineData("2026-01-12T16:00:00Z", false, null)]
    public void occurred_at_rules(string text, bool late, string? error)
    {
        var (_, reason) = OccurredAt.Check(text, Now, Window, late);

        if (error is null)
            reason.ShouldBeNull();
        else
            reason.ShouldNotBeNull().ShouldContain(error);
    }

    [Fact]
    public void the_offset_the_client_sent_is_kept()
    {
        var (value, _) = OccurredAt.Check("2026-01-15T09:30:00-06:00", Now, Window, late: false);

        value.Offset.ShouldBe(TimeSpan.FromHours(-6));
        value.UtcDateTime.ShouldBe(new DateTime(2026, 1, 15, 15, 30, 0, DateTimeKind.Utc));
    }
}
