using Alba;
using Marten;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// Readiness compares the schema with the build at start-up and then at most once a <see cref="SchemaComparison.Recheck"/>:
/// a schema changed under a running node is noticed at the next comparison, and a failed comparison is not kept.
/// </summary>
public sealed class SchemaComparisonTests(AppFixture app) : IAsyncLifetime
{
    private OwnDatabase _database = null!;
    private IAlbaHost _node = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.Create(app, "schemacmp");
        _node = await _database.StartNode(projections: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task a_schema_changed_under_the_node_is_found_at_the_next_comparison_and_a_failed_one_is_not_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var comparison = new SchemaComparison(_node.DocumentStore(), clock);
        await comparison.Latest(ct);

        var index = await AgreementKeyIndexDefinition(ct);
        await TestDatabases.Execute(_database.SuperuserConnectionString, "drop index caseflow.mt_doc_agreement_idx_key");

        await comparison.Latest(ct); // the answer of a minute ago still stands
        clock.Advance(SchemaComparison.Recheck);
        await Should.ThrowAsync<Exception>(comparison.Latest(ct));

        await TestDatabases.Execute(_database.SuperuserConnectionString, index);
        await comparison.Latest(ct); // compared again at once, not a minute later
    }

    private async Task<string> AgreementKeyIndexDefinition(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_database.SuperuserConnectionString);
        await connection.OpenAsync(ct);
        await using var definition = new NpgsqlCommand(
            "select indexdef from pg_indexes where schemaname = 'caseflow' and indexname = 'mt_doc_agreement_idx_key'", connection);
        return (string?)await definition.ExecuteScalarAsync(ct) ?? throw new ShouldAssertException("the agreements' key index is part of the model");
    }
}
