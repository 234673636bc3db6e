using System.Globalization;
using System.Text;

namespace CaseFlow.Domain.Integrity;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785: object members sorted by their UTF-16 code units, no
/// insignificant white space, minimal string escaping, and numbers written as ECMAScript writes a double.
/// No package that implements it restores here, so this is the one hand-written piece of plumbing.
/// </summary>
public static class CanonicalJson
{
    public static string Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    public static string Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        using var output = new Utf8Buffer(utf8Json.Length);
        new CanonicalUtf8Writer(output).WriteDocument(utf8Json);
        return Encoding.UTF8.GetString(output.Written);
    }

    /// <summary>The canonical form as UTF-8 bytes, for a document that is hashed and answered as bytes.</summary>
    public static byte[] CanonicalizeToUtf8(ReadOnlySpan<byte> utf8Json)
    {
        using var output = new Utf8Buffer(utf8Json.Length);
        new CanonicalUtf8Writer(output).WriteDocument(utf8Json);
        return output.Written.ToArray();
    }

    /// <summary>
    /// The canonical form of a JSON object without its member <paramref name="omit"/>, and that member's string value.
    /// A value that is not an object (a row edited in the database) is canonicalised whole and omits nothing, so its
    /// chain check fails by name instead of throwing.
    /// </summary>
    public static (string Canonical, string? Omitted) ObjectWithout(string json, string omit)
    {
        var utf8Json = Encoding.UTF8.GetBytes(json);
        using var output = new Utf8Buffer(utf8Json.Length);
        var omitted = new CanonicalUtf8Writer(output).WriteDocumentWithout(utf8Json, Encoding.UTF8.GetBytes(omit));
        return (Encoding.UTF8.GetString(output.Written), omitted);
    }

    /// <summary>
    /// The canonical form of an object whose members' values are already canonical (a string from <see cref="String"/>,
    /// a number from <see cref="Number"/>, an object from <see cref="Canonicalize(string)"/>): the same text as
    /// canonicalising the whole object, without building and re-reading it.
    /// </summary>
    public static string Object(params IEnumerable<(string Name, string CanonicalValue)> members)
    {
        var output = new StringBuilder("{");
        foreach (var (name, value) in members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (output.Length > 1)
                output.Append(',');
            output.Append(String(name)).Append(':').Append(value);
        }

        return output.Append('}').ToString();
    }

    /// <summary>A string value in canonical form.</summary>
    public static string String(string value)
    {
        using var output = new Utf8Buffer(value.Length + 2);
        new CanonicalUtf8Writer(output).WriteString(Encoding.UTF8.GetBytes(value));
        return Encoding.UTF8.GetString(output.Written);
    }

    /// <summary>A boolean value in canonical form.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>An optional string value in canonical form: null is <c>null</c>.</summary>
    public static string StringOrNull(string? value) => value is null ? "null" : String(value);

    /// <summary>ECMAScript's Number::toString for a finite double (RFC 8785 section 3.2.2.3).</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no representation of NaN or infinity.");
        if (value == 0)
            return "0";
        if (value < 0)
            return "-" + Number(-value);

        // Shortest round-trip digits and the decimal exponent n, so that value = 0.digits x 10^n.
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var ePos = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = ePos < 0 ? roundTrip : roundTrip[..ePos];
        var exponent = ePos < 0 ? 0 : int.Parse(roundTrip[(ePos + 1)..], CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var n = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leadingZeros = digits.TakeWhile(c => c == '0').Count();
        digits = digits[leadingZeros..].TrimEnd('0');
        n -= leadingZeros;
        var k = digits.Length;

        if (k <= n && n <= 21)
            return digits + new string('0', n - k);
        if (0 < n && n <= 21)
            return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0)
            return "0." + new string('0', -n) + digits;
        var e = n - 1;
        var sign = e < 0 ? "-" : "+";
        return (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }
}
