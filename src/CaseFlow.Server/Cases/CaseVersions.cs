using CaseFlow.Server.Platform;

namespace CaseFlow.Server.Cases;

/// <summary>A case's version as replays and diffs name it.</summary>
public sealed class CaseVersionParameter : IParameterForm
{
    public static void Describe(Microsoft.OpenApi.OpenApiSchema schema)
    {
        schema.Type = Microsoft.OpenApi.JsonSchemaType.Integer;
        schema.Format = "int64";
        schema.Minimum = "1";
        schema.Maximum = FieldErrors.MaxPosition.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public static class CaseVersions
{
    public const string OutOfRangeProblem = "as-of-out-of-range";

    public static IResult OutOfRange(string detail) =>
        Results.Problem(statusCode: 422, type: ProblemTypes.Prefix + OutOfRangeProblem, title: "The case has no state there", detail: detail,
            extensions: new Dictionary<string, object?> { ["retryable"] = false });
}
