using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using CsCheck;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>
/// <see cref="BinaryArrays"/> reads PostgreSQL's own <c>array_send</c> of an array back to the same elements, empty
/// arrays, negative numbers and text beyond ASCII among them; an array of two dimensions is refused.
/// </summary>
public class BinaryArraysTests(AppFixture app)
{
    [Fact]
    public async Task arrays_sent_by_postgresql_read_back_to_their_elements()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = app.Host.DocumentStore().Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var samples = Gen.Select(Gen.Long.Array[0, 6], Gen.Int.Array[0, 6], Gen.String[Gen.Char.AlphaNumeric, 0, 4].Array[0, 4]).Array[40].Single();
        foreach (var (longs, ints, strings) in samples.Append(([long.MinValue, -1, long.MaxValue], [int.MinValue, 0], ["JEM", "é–Guam", ""])))
        {
            await using var command = new NpgsqlCommand("select array_send(@longs), array_send(@ints), array_send(@strings::varchar[])", connection)
            {
                Parameters =
                {
                    new("longs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = longs },
                    new("ints", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ints },
                    new("strings", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = strings },
                },
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            (await reader.ReadAsync(ct)).ShouldBeTrue();
            BinaryArrays.Int64s(reader.GetFieldValue<byte[]>(0)).ShouldBe(longs);
            BinaryArrays.Int32s(reader.GetFieldValue<byte[]>(1)).ShouldBe(ints);
            BinaryArrays.Strings(reader.GetFieldValue<byte[]>(2)).ShouldBe(strings);
        }
    }

    [Fact]
    public async Task an_array_of_two_dimensions_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = app.Host.DocumentStore().Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select array_send('{{1,2},{3,4}}'::bigint[])", connection);
        var sent = (byte[])(await command.ExecuteScalarAsync(ct))!;
        Should.Throw<FormatException>(() => BinaryArrays.Int64s(sent));
    }
}
