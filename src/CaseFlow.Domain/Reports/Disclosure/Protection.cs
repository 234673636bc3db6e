namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>
/// The disclosure rule of the public report (docs/disclosure.md): counts below <see cref="Threshold"/>, zero included,
/// are sensitive; a sensitive cell is safe when everything published still lets it be anything from 0 to
/// <see cref="Threshold"/> (an attacker cannot tell "nobody" from "five or more"); any other suppressed cell is safe when
/// it cannot be narrowed to fewer than <see cref="Threshold"/> values' width.
/// </summary>
public static class Protection
{
    public const int Threshold = 5;

    /// <summary>Linear programs answer in floating point: a bound this close to the limit counts as reaching it.</summary>
    public const double Tolerance = 1e-6;

    public static bool IsSensitiveCount(long value) => value < Threshold;

    /// <summary>Whether the feasible range [<paramref name="low"/>, <paramref name="high"/>] an attacker can compute protects the cell.</summary>
    public static bool Protects(bool sensitive, double low, double high) => sensitive
        ? low <= Tolerance && high >= Threshold - Tolerance
        : high - low >= Threshold - Tolerance;

    public const string Method =
        "Counts below 5 (zero included) are suppressed, and every figure of an agency's month when the agency counted " +
        "fewer than 5 people in it; complementary cells are suppressed until linear programming over every table of this " +
        "release and every earlier public release finds each suppressed count able to be anything from 0 to 5, and every " +
        "other suppressed figure unknowable to within 5.";
}
