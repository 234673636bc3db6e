using System.Text.Json.Nodes;
using CaseFlow.Demo.Year;

namespace CaseFlow.Demo.Tests;

/// <summary>Every write is a request the API documents: its body validates against the OpenAPI document's request schema for its path.</summary>
public class RequestShapeTests
{
    [Fact]
    public void Every_body_validates_against_the_request_schema_of_its_path()
    {
        var failures = new List<string>();
        foreach (var write in Years.Small.Value)
        {
            var schema = OpenApiSchemas.Committed.RequestSchema(write.Path);
            schema.ShouldNotBeNull(write.Path);
            // As it goes over the wire: serialized and read back.
            var errors = OpenApiSchemas.Committed.Errors(JsonNode.Parse(write.Body.ToJsonString()), schema);
            if (errors.Count > 0)
                failures.Add($"{write.Path}: {string.Join("; ", errors.Take(3))}");
        }

        failures.Distinct().Take(10).ShouldBeEmpty();
    }

    [Fact]
    public void The_validator_refuses_what_the_schema_does_not_allow()
    {
        var schema = OpenApiSchemas.Committed.RequestSchema("/api/cases/0b6f4a53-5c0e-5d6e-9a61-7f4c2b1d3e8a/events")!;
        JsonNode Envelope(JsonObject data) => new JsonObject
        {
            ["eventId"] = "6f1c9d1e-2b7a-4c1e-9d3f-0a1b2c3d4e5f", ["type"] = "DetainerLifted", ["occurredAt"] = "2026-01-15T09:30:00-06:00", ["data"] = data,
        };

        OpenApiSchemas.Committed.Errors(Envelope(new() { ["liftedAt"] = "2026-01-15T09:30:00-06:00", ["reason"] = "Duplicate" }), schema).ShouldBeEmpty();
        OpenApiSchemas.Committed.Errors(Envelope(new() { ["liftedAt"] = "2026-01-15T09:30:00-06:00", ["reason"] = "Bored" }), schema).ShouldNotBeEmpty();
        OpenApiSchemas.Committed.Errors(Envelope(new() { ["liftedAt"] = "2026-01-15 09:30", ["reason"] = "Duplicate" }), schema).ShouldNotBeEmpty();
        OpenApiSchemas.Committed.Errors(Envelope(new() { ["reason"] = "Duplicate" }), schema).ShouldNotBeEmpty();
        OpenApiSchemas.Committed.Errors(Envelope(new() { ["liftedAt"] = "2026-01-15T09:30:00-06:00", ["reason"] = "Duplicate", ["name"] = "x" }), schema).ShouldNotBeEmpty();
        var prepared = Envelope(new() { ["preparedAt"] = "2026-01-15T09:30:00-06:00", ["bases"] = new JsonArray("StatementsOrEvidence"), ["warrantType"] = "I-200" });
        prepared["type"] = "DetainerPrepared";
        OpenApiSchemas.Committed.Errors(prepared, schema).ShouldBeEmpty();
        prepared["data"]!["preparedBy"] = new JsonObject { ["subject"] = "me", ["officerBadge"] = null };
        OpenApiSchemas.Committed.Errors(prepared, schema).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_batch_item_names_its_case_and_a_booking_in_a_batch_does_not()
    {
        var items = Years.Small.Value.Where(w => w.Path == YearSchedule.BatchPath).SelectMany(Years.Events).ToList();
        items.Where(e => (string)e["type"]! == "BookingRecorded").ShouldAllBe(e => e["caseId"] == null);
        items.Where(e => (string)e["type"]! != "BookingRecorded").ShouldAllBe(e => e["caseId"] != null);
    }
}
