using System.Buffers.Binary;
using System.Text;

namespace CaseFlow.Server.Platform;

/// <summary>
/// One-dimensional PostgreSQL arrays without nulls in their binary form (<c>array_send</c>, selected as <c>bytea</c>):
/// read here, not by Npgsql's array converter, which reads an array element by element through a nested reader. A
/// national statistics read takes four arrays from each of thousands of officer rows, and that converter was most of
/// the officer counts' CPU. The form: the number of dimensions, a has-nulls flag and the element type (each a
/// big-endian 4-byte integer), then per dimension its length and lower bound, then per element its length and bytes.
/// </summary>
public static class BinaryArrays
{
    private const int HeaderBytes = 12, DimensionBytes = 8;

    public static long[] Int64s(ReadOnlySpan<byte> array) => Read(array, BinaryPrimitives.ReadInt64BigEndian);

    public static int[] Int32s(ReadOnlySpan<byte> array) => Read(array, BinaryPrimitives.ReadInt32BigEndian);

    public static string[] Strings(ReadOnlySpan<byte> array) => Read(array, Encoding.UTF8.GetString);

    private delegate T ElementOf<out T>(ReadOnlySpan<byte> element);

    private static T[] Read<T>(ReadOnlySpan<byte> array, ElementOf<T> element)
    {
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(array);
        if (dimensions == 0)
            return [];
        if (dimensions != 1)
            throw new FormatException($"a one-dimensional array was expected, not one of {dimensions}");
        var items = new T[BinaryPrimitives.ReadInt32BigEndian(array[HeaderBytes..])];
        var at = HeaderBytes + DimensionBytes;
        for (var i = 0; i < items.Length; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(array[at..]);
            if (length < 0)
                throw new FormatException("an array without nulls was expected");
            items[i] = element(array.Slice(at + 4, length));
            at += 4 + length;
        }

        return items;
    }
}
