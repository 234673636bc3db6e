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

public class InstantsTests
{
    [Theory]
    [InlineData("1900-01-01T00:00:00Z", true)]
    [InlineData("1899-12-31T23:59:59Z", false)]
    [InlineData("2199-12-31T23:59:59Z", true)]
    [InlineData("2200-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59+14:00", false)]
    [InlineData("0001-01-01T00:00:00+00:00", false)]
    [InlineData("2026-02-30T10:00:00Z", false)]
    public void instants_are_offset_date_times_between_1900_and_2199(string text, bool accepted)
    {
        Instants.TryParse(text, out _).ShouldBe(accepted);
    }
}
