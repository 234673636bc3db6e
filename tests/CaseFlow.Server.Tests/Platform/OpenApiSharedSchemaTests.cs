using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Domain.Agreements;
using CaseFlow.Domain.Cases;
using CaseFlow.Server.Intake;
using CaseFlow.Server.Platform;
using CaseFlow.Server.Tests.Infrastructure;
using CaseFlow.Server.Writing;

namespace CaseFlow.Server.Tests.Platform;

/// <summary>One type, one component: enums and the case's event union are named once and referenced everywhere.</summary>
public class OpenApiSharedSchemaTests(AppFixture app)
{
    [Fact]
    public async Task every_enum_is_one_component_of_the_names_the_server_writes_and_nothing_inlines_one()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!;

        Inlined(document, "#").ShouldBeEmpty("an enum of several names outside /components/schemas: refer to its component");
        ((string?)schemas["DetainerPrepared"]!["properties"]!["warrantType"]!["$ref"]).ShouldBe("#/components/schemas/WarrantType");
        ((string?)schemas["OfficerCertified"]!["properties"]!["model"]!["$ref"]).ShouldBe("#/components/schemas/ProgramModel");
        ((string?)schemas["AuthorizationIssued"]!["properties"]!["models"]!["items"]!["$ref"]).ShouldBe("#/components/schemas/ProgramModel");
        ((string?)schemas["BatchItemResult"]!["properties"]!["status"]!["$ref"]).ShouldBe("#/components/schemas/BatchItemStatus");
        foreach (var enumType in new[] { typeof(WarrantType), typeof(ProgramModel), typeof(BatchItemStatus), typeof(AgreementStatus) })
            Names(schemas[enumType.Name]!).ShouldBe(Enum.GetValues(enumType).Cast<object>().Select(v => JsonSerializer.Serialize(v, enumType, ServerJson.Options).Trim('"')), enumType.Name);
    }

    [Theory]
    [InlineData("BookingData", "model", typeof(ProgramModel))]
    [InlineData("ChargeData", "level", typeof(ChargeLevel))]
    public async Task text_the_server_reads_as_an_enum_is_that_enum_and_the_validator_takes_exactly_its_names(string component, string member, Type enumType)
    {
        var schema = (await Document())["components"]!["schemas"]![component]!["properties"]![member]!;

        schema["oneOf"]!.AsArray().Select(s => (string?)s!["$ref"]).ShouldContain($"#/components/schemas/{enumType.Name}");
        var read = typeof(FieldErrors).GetMethod(nameof(FieldErrors.Enum))!.MakeGenericMethod(enumType);
        foreach (var name in Enum.GetNames(enumType).Append("0").Append("1").Append("NotAName"))
        {
            var errors = new FieldErrors();
            read.Invoke(errors, [member, name]);
            errors.Count.ShouldBe(Enum.IsDefined(enumType, name) ? 0 : 1, $"{member} = {name}");
        }
    }

    [Fact]
    public async Task a_case_event_in_a_fact_or_the_feed_is_the_discriminated_union_of_one_schema_per_event_type()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        ((string?)schemas["CaseFact"]!["properties"]!["event"]!["$ref"]).ShouldBe("#/components/schemas/CaseEvent");
        ((string?)schemas["FeedEntry"]!["properties"]!["decision"]!["$ref"]).ShouldBe("#/components/schemas/CaseEvent");
        var union = schemas["CaseEvent"]!;
        ((string?)union["discriminator"]!["propertyName"]).ShouldBe("$type");
        var types = typeof(CaseEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(d => (string)d.TypeDiscriminator!).ToList();
        union["discriminator"]!["mapping"]!.AsObject().Select(m => ((string)m.Key, (string?)m.Value)).ShouldBe(types.Select(t => (t, (string?)$"#/components/schemas/CaseEvent{t}")));
        union["oneOf"]!.AsArray().Count.ShouldBe(types.Count);
        foreach (var type in types)
            Names(schemas[$"CaseEvent{type}"]!["properties"]!["$type"]!).ShouldBe([type]);
        schemas["CaseEventDetainerPrepared"]!["properties"]!["bases"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_history_event_has_its_metadata_record_and_its_instant_typed()
    {
        var history = (await Document())["components"]!["schemas"]!["HistoryEventCommon"]!["properties"]!;

        ((string?)history["metadata"]!["$ref"]).ShouldBe("#/components/schemas/EventMetadata");
        ((string?)history["occurredAt"]!["format"]).ShouldBe("date-time");
        history["occurredAt"]!["maxLength"].ShouldBeNull();
        var headers = typeof(EventHeaders).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        (await Document())["components"]!["schemas"]!["EventMetadata"]!["properties"]!.AsObject().Select(p => p.Key).ShouldBe(headers, ignoreOrder: true);
    }

    [Fact]
    public async Task a_history_event_is_the_discriminated_union_of_one_schema_per_stored_event_type_with_its_typed_data()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        ((string?)schemas["IReadOnlyListOfHistoryEvent"]!["items"]!["$ref"]).ShouldBe("#/components/schemas/HistoryEvent");
        var union = schemas["HistoryEvent"]!;
        ((string?)union["discriminator"]!["propertyName"]).ShouldBe("type");
        var types = EventCatalogue.All.Select(t => t.Name).ToList();
        union["discriminator"]!["mapping"]!.AsObject().Select(m => ((string)m.Key, (string?)m.Value)).ShouldBe(types.Select(t => (t, (string?)$"#/components/schemas/HistoryEvent{t}")));
        union["oneOf"]!.AsArray().Select(m => (string?)m!["$ref"]).ShouldBe(types.Select(t => (string?)$"#/components/schemas/HistoryEvent{t}"));
        foreach (var type in types)
        {
            var parts = schemas[$"HistoryEvent{type}"]!["allOf"]!.AsArray();
            ((string?)parts[0]!["$ref"]).ShouldBe("#/components/schemas/HistoryEventCommon", type);
            Names(parts[1]!["properties"]!["type"]!).ShouldBe([type]);
            var data = ((string)parts[1]!["properties"]!["data"]!["$ref"]!).Split('/')[^1];
            schemas[data]!["properties"].ShouldNotBeNull(type);
        }

        ((string?)schemas["DetainerPrepared"]!["properties"]!["warrantType"]!["$ref"]).ShouldBe("#/components/schemas/WarrantType");
    }

    [Fact]
    public async Task every_stored_event_of_a_history_has_the_members_its_types_schema_gives_its_data()
    {
        var jem = await CaseScenario.Create(app);
        var caseId = await jem.Book();
        await jem.DetainerInEffect(caseId);
        await jem.Approved(caseId);
        var schemas = (await Document())["components"]!["schemas"]!;

        var history = JsonNode.Parse(await (await app.Host.GetAs(app.Tokens.For(CaseFlow.Server.Security.Roles.Auditor), $"/api/cases/{caseId}/history?limit=50")).ReadAsTextAsync())!;
        var items = history["items"]!.AsArray();
        items.Count.ShouldBeGreaterThan(12);
        foreach (var item in items)
        {
            var type = (string)item!["type"]!;
            var data = schemas[((string)schemas[$"HistoryEvent{type}"]!["allOf"]![1]!["properties"]!["data"]!["$ref"]!).Split('/')[^1]]!;
            var members = item["data"]!.AsObject().Select(m => m.Key).ToList();
            members.ShouldBeSubsetOf(data["properties"]!.AsObject().Select(p => p.Key), type);
            data["required"]!.AsArray().Select(r => (string)r!).ShouldBeSubsetOf(members, type);
        }
    }

    [Fact]
    public async Task a_booking_in_a_batch_names_its_type_as_every_other_batch_envelope_does()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        foreach (var (type, envelope) in schemas["BatchItem"]!["discriminator"]!["mapping"]!.AsObject())
            Names(schemas[((string)envelope!).Split('/')[^1]]!["properties"]!["type"]!).ShouldBe([type]);
    }

    [Fact]
    public async Task the_problem_detail_is_the_message_generated_clients_throw_with()
    {
        var detail = (await Document())["components"]!["schemas"]!["Problem"]!["properties"]!["detail"]!;

        ((bool?)detail["x-ms-primary-error-message"]).ShouldBe(true);
    }

    private static IEnumerable<string> Names(JsonNode schema) => schema["enum"]!.AsArray().Select(v => (string)v!);

    /// <summary>Where an enum of more than one name sits anywhere but as a component of its own.</summary>
    private static IEnumerable<string> Inlined(JsonNode? node, string path) => node switch
    {
        JsonObject o when o["enum"] is JsonArray { Count: > 1 } && !System.Text.RegularExpressions.Regex.IsMatch(path, "^#/components/schemas/[^/]+$") => [path],
        JsonObject o => o.SelectMany(p => Inlined(p.Value, $"{path}/{p.Key}")),
        JsonArray a => a.SelectMany((v, i) => Inlined(v, $"{path}/{i}")),
        _ => [],
    };

    private Task<JsonNode> Document() => OpenApiDocumentTests.Live(app);
}
