using CaseFlow.Server.Platform;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;
using Npgsql;

namespace CaseFlow.Server.Tests.Intake;

public class IdentifierLeakTests(AppFixture app)
{
    [Fact]
    public async Task no_stored_event_row_holds_any_of_the_subjects_identifiers()
    {
        var marker = $"Zq{Guid.NewGuid():N}"[..14];
        var aNumber = $"A{Random.Shared.Next(100_000_000, 999_999_999)}";
        var fbiNumber = $"F{Random.Shared.Next(10_000_000, 99_999_999)}";
        var stateId = $"SID-{marker}";
        var subject = new { name = new { given = $"{marker}Given", family = $"{marker}Family", middle = $"{marker}Middle" }, dateOfBirth = "1987-06-05", aNumber, fbiNumber, stateId };
        var jail = app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
        var caseId = await app.Host.StartCaseWith(jail, Envelopes.Booking(Envelopes.NewBookingNumber(), subject: subject));
        await app.Host.PostCaseEvent(jail, caseId, Envelopes.ReleaseSet(DateTimeOffset.UtcNow.AddDays(3)));

        var rows = await AllStoredEventText();

        foreach (var identifier in new[] { marker, aNumber, aNumber[1..], fbiNumber, stateId, "1987-06-05" })
            rows.ShouldNotContain(identifier, Case.Insensitive);
    }

    private static async Task<string> AllStoredEventText()
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"select string_agg(id::text || data::text || coalesce(headers::text, '') || type || coalesce(user_name, ''), E'\\n') from {PersistenceSetup.SchemaName}.mt_events", connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
