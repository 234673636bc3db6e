using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>An instant a read is asked about or bounded by, as <see cref="FieldErrors.Instant"/> reads it (<see cref="Domain.Intake.Instants"/>).</summary>
public sealed class InstantParameter : IParameterForm
{
    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = "date-time";
        schema.Pattern = Domain.Intake.Instants.Pattern;
        schema.Description = FormattableString.Invariant($"An RFC 3339 date-time with its offset, from {Domain.Intake.Instants.Earliest.Year} up to (not including) {Domain.Intake.Instants.Latest.Year}.");
    }
}
