using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace CaseFlow.Server.Platform;

/// <summary>
/// A kind of value the server reads from the text of a query, path or header parameter, narrower than any string: a
/// month, a fiscal year, a stream position, a cursor. Its schema in the OpenAPI document is built from the constants
/// its reader checks, in the same type, so the document and the reader cannot drift.
/// </summary>
public interface IParameterForm
{
    static abstract void Describe(OpenApiSchema schema);
}

/// <summary>
/// Where a parameter is bound (a member of a <c>[FromQuery]</c> record, or the endpoint's own path, query or header
/// parameter), the form the endpoint reads it in: the document types the parameter as that form.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class ReadAsAttribute : Attribute
{
    public abstract void Describe(OpenApiSchema schema);

    /// <summary>Types every parameter of the operation whose binding names its form.</summary>
    public static Task TypeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault() is not { } chain)
            return Task.CompletedTask;
        var forms = FormsOf(chain.Method.Method);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && forms.TryGetValue(name, out var form))
            {
                var schema = new OpenApiSchema();
                form.Describe(schema);
                parameter.Schema = schema;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The forms of the method's parameters, by the name a client sends them under.</summary>
    private static Dictionary<string, ReadAsAttribute> FormsOf(MethodInfo method)
    {
        var forms = new Dictionary<string, ReadAsAttribute>(StringComparer.Ordinal);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<ReadAsAttribute>() is { } form)
                forms[parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name ?? parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!] = form;
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is not null)
            {
                foreach (var member in parameter.ParameterType.GetProperties())
                {
                    if (member.GetCustomAttribute<ReadAsAttribute>() is { } memberForm)
                        forms[JsonNamingPolicy.CamelCase.ConvertName(member.Name)] = memberForm;
                }
            }
        }

        return forms;
    }
}

/// <summary>The parameter is read as <typeparamref name="TForm"/>.</summary>
public sealed class ReadAsAttribute<TForm> : ReadAsAttribute where TForm : IParameterForm
{
    public override void Describe(OpenApiSchema schema) => TForm.Describe(schema);
}

/// <summary>
/// Query parameters of a record the endpoint shares with others that this endpoint refuses whatever their value (a
/// draft report has no version): left out of its operation, so a generated client cannot send them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RefusesQueryAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;

    public static Task Omit(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().SingleOrDefault()?.Method.Method.GetCustomAttribute<RefusesQueryAttribute>() is { } refused)
            operation.Parameters = operation.Parameters?.Where(p => p.In != ParameterLocation.Query || !refused.Names.Contains(p.Name)).ToList();
        return Task.CompletedTask;
    }
}
