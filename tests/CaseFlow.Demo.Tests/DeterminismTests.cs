namespace CaseFlow.Demo.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_seed_draws_the_same_writes_ids_and_data_included()
    {
        Years.Hash(Years.Draw(11, 0.01)).ShouldBe(Years.Hash(Years.Draw(11, 0.01)));
    }

    [Fact]
    public void Another_seed_draws_another_year()
    {
        Years.Hash(Years.Draw(11, 0.01)).ShouldNotBe(Years.Hash(Years.Draw(12, 0.01)));
    }

    [Fact]
    public void The_writes_come_in_non_decreasing_sent_order()
    {
        var previous = DateTimeOffset.MinValue;
        foreach (var write in Years.Small.Value)
        {
            write.SentAt.ShouldBeGreaterThanOrEqualTo(previous, $"{write.Path} {write.Body.ToJsonString()[..80]}");
            previous = write.SentAt;
        }
    }

    [Fact]
    public void Every_event_id_is_used_once()
    {
        var ids = Years.Small.Value.SelectMany(Years.Events).Select(e => (string)e["eventId"]!).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
    }
}
