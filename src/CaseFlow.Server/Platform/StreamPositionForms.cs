using System.Globalization;
using Microsoft.OpenApi;

namespace CaseFlow.Server.Platform;

/// <summary>The position of the event store a read waits for (<c>position</c>: what a write or a read answered), as <see cref="FieldErrors.Position"/> reads it.</summary>
public sealed class StreamPosition : IParameterForm
{
    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Integer;
        schema.Format = "int64";
        schema.Minimum = "0";
        schema.Maximum = FieldErrors.MaxPosition.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A cursor that is a position in an ordered stream (<c>after</c> of the feed, a history, the access log): the
/// <c>next</c> of the page before, digits as <see cref="FieldErrors.Position"/> reads them.
/// </summary>
public sealed class PositionCursor : IParameterForm
{
    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Pattern = $"^[0-9]{{1,{FieldErrors.MaxPositionDigits}}}$";
        schema.MaxLength = FieldErrors.MaxPositionDigits;
        schema.Description = "The next of the page before, as it was answered: the position of the last item read.";
    }
}
