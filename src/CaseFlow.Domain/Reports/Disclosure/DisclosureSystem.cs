namespace CaseFlow.Domain.Reports.Disclosure;

/// <summary>Whether a figure is a count (never negative) or a difference of counts (any sign).</summary>
public enum FigureSign { Count, Difference }

/// <summary>What an attacker knows of a variable.</summary>
public enum VariableState
{
    /// <summary>Published: its value is known.</summary>
    Published,
    /// <summary>A published table's cell left blank.</summary>
    Suppressed,
    /// <summary>Never published (a month no report shows, say), but tied to published figures by their meaning.</summary>
    Hidden,
}

/// <summary>
/// One unknown of the disclosure system. <see cref="Decidable"/> variables belong to the release being disclosed and may
/// still be suppressed; the others were decided by earlier releases. <see cref="Value"/> is the true value, known for
/// every cell of a table and unknown for hidden ones. <see cref="Cost"/> is what suppressing it as a complement loses:
/// its size, weighted by how many readers look at it (a state's and the nation's totals more than an agency's).
/// </summary>
public sealed class DisclosureVariable(FigureSign sign, long? value, VariableState state, bool sensitive, bool decidable, long weight = 1)
{
    public long Cost { get; } = weight * Math.Abs(value ?? 0);

    public FigureSign Sign { get; } = sign;
    public long? Value { get; } = value;
    public VariableState State { get; internal set; } = state;
    public bool Sensitive { get; } = sensitive;
    public bool Decidable { get; } = decidable;
}

/// <summary>Σ coefficient × variable = constant: a relation every reader of the tables knows from their meaning.</summary>
public sealed record DisclosureEquation(IReadOnlyList<(int Variable, int Coefficient)> Terms, long Constant = 0);

/// <summary>
/// Every figure of a set of releases as a linear system: the cells of their tables, the hidden quantities their meaning
/// refers to, and the equations between them. Measures never share an equation, so each measure is a system of its own.
/// </summary>
public sealed class DisclosureSystem
{
    private readonly List<DisclosureVariable> variables = [];
    private readonly List<DisclosureEquation> equations = [];

    public IReadOnlyList<DisclosureVariable> Variables => variables;
    public IReadOnlyList<DisclosureEquation> Equations => equations;

    public int Add(DisclosureVariable variable)
    {
        variables.Add(variable);
        return variables.Count - 1;
    }

    public int Hidden(FigureSign sign) => Add(new DisclosureVariable(sign, null, VariableState.Hidden, sensitive: false, decidable: false));

    /// <summary><paramref name="total"/> = Σ <paramref name="parts"/>.</summary>
    public void Sum(int total, IEnumerable<int> parts) =>
        equations.Add(new DisclosureEquation([(total, -1), .. parts.Select(p => (p, 1))]));

    /// <summary><paramref name="difference"/> = <paramref name="minuend"/> − <paramref name="subtrahend"/>.</summary>
    public void Difference(int difference, int minuend, int subtrahend) =>
        equations.Add(new DisclosureEquation([(difference, -1), (minuend, 1), (subtrahend, -1)]));

    public void Equal(int left, int right) => equations.Add(new DisclosureEquation([(left, 1), (right, -1)]));
}
