using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CaseFlow.Domain.Integrity;

/// <summary>
/// Writes the RFC 8785 form of JSON read from UTF-8 straight into a UTF-8 buffer: one pass of a
/// <see cref="Utf8JsonReader"/>, no document tree and no string per name or value. An object's members are written in
/// the order they come and reordered in place only when they are not already sorted.
/// </summary>
internal sealed class CanonicalUtf8Writer(Utf8Buffer output)
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    // The members of every object still open, innermost last: an object sorts and drops its own when it closes.
    private readonly List<Member> _members = [];

    /// <summary>Writes the canonical form of <paramref name="utf8Json"/>, a single JSON value.</summary>
    public void WriteDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = Open(utf8Json);
        WriteValue(ref reader);
        Close(ref reader);
    }

    /// <summary>
    /// Writes the canonical form of <paramref name="utf8Json"/> leaving out the top-level member named
    /// <paramref name="omit"/>, and answers that member's string value (null when it is absent or not a string). A value
    /// that is not an object is written whole.
    /// </summary>
    public string? WriteDocumentWithout(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> omit)
    {
        var reader = Open(utf8Json);
        string? omitted = null;
        if (reader.TokenType == JsonTokenType.StartObject)
            WriteObject(ref reader, omit, ref omitted);
        else
            WriteValue(ref reader);
        Close(ref reader);
        return omitted;
    }

    /// <summary>A string value in canonical form, from its unescaped UTF-8 bytes.</summary>
    public void WriteString(ReadOnlySpan<byte> value)
    {
        output.Append((byte)'"');
        while (true)
        {
            var next = value.IndexOfAny(NeedsEscape);
            if (next < 0)
                break;
            output.Append(value[..next]);
            output.Append(Escape(value[next]));
            value = value[(next + 1)..];
        }

        output.Append(value);
        output.Append((byte)'"');
    }

    private static Utf8JsonReader Open(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read())
            throw new JsonException("The JSON text holds no value.");
        return reader;
    }

    // Reading past the value throws on anything but white space after it, as parsing a whole document does.
    private static void Close(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new JsonException("The JSON text holds more than one value.");
    }

    private void WriteValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                string? none = null;
                WriteObject(ref reader, default, ref none);
                break;
            case JsonTokenType.StartArray:
                output.Append((byte)'[');
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!first)
                        output.Append((byte)',');
                    first = false;
                    WriteValue(ref reader);
                }

                output.Append((byte)']');
                break;
            case JsonTokenType.String:
                WriteStringToken(ref reader);
                break;
            case JsonTokenType.Number:
                WriteNumber(ref reader);
                break;
            case JsonTokenType.True:
                output.Append("true"u8);
                break;
            case JsonTokenType.False:
                output.Append("false"u8);
                break;
            default:
                output.Append("null"u8);
                break;
        }
    }

    private void WriteObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> omit, ref string? omitted)
    {
        output.Append((byte)'{');
        var own = _members.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (!omit.IsEmpty && reader.ValueTextEquals(omit))
            {
                reader.Read();
                omitted = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                continue;
            }

            if (_members.Count > own)
                output.Append((byte)',');
            var escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
            var start = output.Length;
            if (escapedName is null)
                WriteString(reader.ValueSpan);
            else
                WriteString(Encoding.UTF8.GetBytes(escapedName));
            var nameLength = output.Length - start;
            output.Append((byte)':');
            reader.Read();
            WriteValue(ref reader);
            _members.Add(new Member(start, nameLength, output.Length, escapedName, _members.Count));
        }

        SortMembers(own);
        _members.RemoveRange(own, _members.Count - own);
        output.Append((byte)'}');
    }

    /// <summary>Puts the members written from index <paramref name="own"/> on in the order of their names' UTF-16 code units.</summary>
    private void SortMembers(int own)
    {
        var members = CollectionsMarshal.AsSpan(_members)[own..];
        var order = new MemberOrder(output);
        var sorted = true;
        for (var i = 1; i < members.Length && sorted; i++)
            sorted = order.Compare(members[i - 1], members[i]) <= 0;
        if (sorted)
            return;

        var regionStart = members[0].Start;
        var region = output.Slice(regionStart, output.Length - regionStart).ToArray();
        members.Sort(order);
        output.Truncate(regionStart);
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
                output.Append((byte)',');
            output.Append(region.AsSpan(members[i].Start - regionStart, members[i].End - members[i].Start));
        }
    }

    private void WriteStringToken(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            WriteString(reader.ValueSpan);
            return;
        }

        var unescaped = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            WriteString(unescaped.AsSpan(0, reader.CopyString(unescaped)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(unescaped);
        }
    }

    // An integer of at most 15 digits is exact as a double and written by ECMAScript as it is; anything else goes
    // through the double, as RFC 8785 says.
    private void WriteNumber(ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        var digits = text[0] == (byte)'-' ? text[1..] : text;
        if (digits.Length <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            output.Append(digits.SequenceEqual("0"u8) ? digits : text);
            return;
        }

        var number = CanonicalJson.Number(reader.GetDouble());
        output.Advance(Encoding.ASCII.GetBytes(number, output.Reserve(number.Length)));
    }

    private static ReadOnlySpan<byte> Escape(byte value) => value switch
    {
        (byte)'"' => "\\\""u8,
        (byte)'\\' => "\\\\"u8,
        (byte)'\b' => "\\b"u8,
        (byte)'\f' => "\\f"u8,
        (byte)'\n' => "\\n"u8,
        (byte)'\r' => "\\r"u8,
        (byte)'\t' => "\\t"u8,
        _ => Encoding.ASCII.GetBytes($"\\u{value:x4}"),
    };

    /// <summary>
    /// A member written at <see cref="Start"/> (its name in canonical form, <see cref="NameLength"/> bytes with the quotes)
    /// up to <see cref="End"/>. <see cref="EscapedName"/> is the name when its text held escapes; <see cref="Index"/> keeps
    /// the order of members with equal names.
    /// </summary>
    private readonly record struct Member(int Start, int NameLength, int End, string? EscapedName, int Index);

    /// <summary>RFC 8785's order of member names: by UTF-16 code units, which for ASCII names is the order of their bytes.</summary>
    private readonly struct MemberOrder(Utf8Buffer output) : IComparer<Member>
    {
        public int Compare(Member x, Member y)
        {
            var a = NameBytes(x);
            var b = NameBytes(y);
            var order = x.EscapedName is null && y.EscapedName is null && Ascii.IsValid(a) && Ascii.IsValid(b)
                ? a.SequenceCompareTo(b)
                : string.CompareOrdinal(x.EscapedName ?? Encoding.UTF8.GetString(a), y.EscapedName ?? Encoding.UTF8.GetString(b));
            return order != 0 ? order : x.Index.CompareTo(y.Index);
        }

        // Without escapes, the canonical name between its quotes is the name itself.
        private ReadOnlySpan<byte> NameBytes(Member member) => output.Slice(member.Start + 1, member.NameLength - 2);
    }
}
