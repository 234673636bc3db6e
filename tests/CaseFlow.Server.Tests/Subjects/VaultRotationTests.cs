using System.Text.Json.Nodes;
using Alba;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Infrastructure;

namespace CaseFlow.Server.Tests.Subjects;

/// <summary>
/// Master-key and search-key rotation without downtime, on a database of its own so every subject in it is this
/// test's: subjects written under k1 and a first search key; nodes that hold k1 and k2 with k2 active, and a new
/// search key with the first as the previous one, read and find them all; the re-wrap moves every data key to k2 and
/// every subject's tags to the new search key (but an erased one, which has neither, and a damaged one, which it
/// reports); a node that holds only k2 and the new search key then reads and finds everything.
/// </summary>
public sealed class VaultRotationTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _database = $"caseflow_rotation_{Guid.NewGuid():N}"[..32];
    private readonly List<IAlbaHost> _nodes = [];

    private string ConnectionString { get; set; } = "";

    private string Jail => app.Tokens.For(Roles.ScreeningSystem, ori: Agencies.FortBend);
    private string Admin => app.Tokens.For(Roles.Admin);

    public async ValueTask InitializeAsync() => ConnectionString = await TestDatabases.Create(_database);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        await TestDatabases.Drop(_database);
    }

    [Fact]
    public async Task subjects_move_to_the_new_master_and_search_keys_while_every_node_keeps_reading_and_finding()
    {
        var k1 = VaultKeys.Random("k1");
        var rotating = k1.Activating("k2", VaultKeys.NewKey()).RotatingSearchKey();
        var onK1 = await Node(k1);
        var person = SubjectClient.NewPerson();
        var written = new List<Guid>();
        for (var i = 0; i < 3; i++)
            written.Add((await onK1.Book(Jail, SubjectClient.Subject(person.ANumber, person.FbiNumber))).SubjectRef);
        var erased = (await onK1.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, "E1"))).SubjectRef;
        await onK1.CarryOut(app.Tokens.For(Roles.Admin, subject: "admin-a"), app.Tokens.For(Roles.Admin, subject: "admin-b"), erased, "erase", "retention-schedule");
        var damaged = (await onK1.Book(Jail, SubjectClient.Subject(SubjectClient.NewPerson().ANumber, "D1"))).SubjectRef;
        await TestDatabases.Execute(ConnectionString, $"update caseflow.mt_doc_vaultedsubject set data = jsonb_set(data, '{{wrappedDataKey}}', to_jsonb('AAAA' || substr(data ->> 'wrappedDataKey', 5))) where id = '{damaged}'");

        var onBoth = await Node(rotating);
        var onlyK2 = await Node(rotating.Only("k2"));
        written.Add((await onBoth.Book(Jail, SubjectClient.Subject(person.ANumber, person.FbiNumber))).SubjectRef);
        var before = await Status(onBoth);
        before["subjectsByMasterKey"]!.ToJsonString().ShouldBe("""{"k1":4,"k2":1}""");
        (before["erased"]!.GetValue<long>(), before["underOtherSearchKey"]!.GetValue<long>()).ShouldBe((1L, 4L));
        await ReadAll(onBoth, written);
        // During the rotation a search finds the older subjects by their tags under the previous search key.
        (await (await onBoth.GetAs(Jail, $"/api/subjects/search?aNumber={person.ANumber}")).Json())["items"]!.AsArray().Count.ShouldBe(4);
        var unreadable = await onlyK2.GetAs(Jail, $"/api/subjects/{written[0]}", 503);
        (await unreadable.ReadAsTextAsync()).ShouldContain("urn:caseflow:problem:subject-key-unavailable");

        var rewrap = await (await onBoth.Post(Admin, "/api/operations/vault/rewrap", new { }, 200)).Json();
        var again = await (await onBoth.Post(Admin, "/api/operations/vault/rewrap", new { }, 200)).Json();

        (rewrap["rewrapped"]!.GetValue<int>(), rewrap["underUnknownMasterKey"]!.GetValue<long>(), rewrap["unreadable"]!.GetValue<int>()).ShouldBe((3, 0L, 1));
        (again["rewrapped"]!.GetValue<int>(), again["unreadable"]!.GetValue<int>()).ShouldBe((0, 1));
        var after = await Status(onBoth);
        after["subjectsByMasterKey"]!.ToJsonString().ShouldBe("""{"k1":1,"k2":4}""");
        after["underOtherSearchKey"]!.GetValue<long>().ShouldBe(1L, "the damaged subject could not be re-tagged");
        await ReadAll(onlyK2, written);
        (await (await onlyK2.GetAs(Jail, $"/api/subjects/search?aNumber={person.ANumber}")).Json())["items"]!.AsArray().Count.ShouldBe(4);
        (await (await onlyK2.GetAs(Jail, $"/api/subjects/{erased}")).Json())["state"]!.GetValue<string>().ShouldBe("erased");
        (await RewrapsAuditedWithTheirKeys()).ShouldBe(3, "each re-wrapped key's row shares its transaction with the re-wrap's access record");
    }

    [Fact]
    public async Task a_search_key_rotation_alone_retags_every_subject_and_searches_keep_finding_them()
    {
        var first = VaultKeys.Random("k1");
        var onFirst = await Node(first);
        var person = SubjectClient.NewPerson();
        for (var i = 0; i < 3; i++)
            await onFirst.Book(Jail, SubjectClient.Subject(person.ANumber, person.FbiNumber));
        var rotating = first.RotatingSearchKey();
        var onBoth = await Node(rotating);
        var onlyNew = await Node(rotating.Only("k1"));

        (await Status(onBoth))["underOtherSearchKey"]!.GetValue<long>().ShouldBe(3L);
        (await Found(onBoth, person.ANumber)).ShouldBe(3);
        (await Found(onlyNew, person.ANumber)).ShouldBe(0, "before the re-wrap the tags are under the old key only");

        var rewrap = await (await onBoth.Post(Admin, "/api/operations/vault/rewrap", new { }, 200)).Json();

        rewrap["rewrapped"]!.GetValue<int>().ShouldBe(3);
        (await Status(onBoth))["underOtherSearchKey"]!.GetValue<long>().ShouldBe(0L);
        (await Found(onlyNew, person.ANumber)).ShouldBe(3);
    }

    private async Task<int> Found(IAlbaHost node, string aNumber) =>
        (await (await node.GetAs(Jail, $"/api/subjects/search?aNumber={aNumber}")).Json())["items"]!.AsArray().Count;

    private async Task<long> RewrapsAuditedWithTheirKeys()
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
             select count(*) from caseflow.mt_doc_vaultedsubject v join {CaseFlow.Server.Audit.AccessLogTable.Name} a on a.xmin = v.xmin
             where a.action = '{CaseFlow.Server.Operations.VaultRewrap.Action}' and a.outcome = 'rewrapped:3'
             """, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<IAlbaHost> Node(VaultKeys keys)
    {
        var node = await app.StartNode(x => x.UseSetting("ConnectionStrings:Marten", ConnectionString), keys);
        _nodes.Add(node);
        return node;
    }

    private async Task<JsonNode> Status(IAlbaHost node) => await (await node.GetAs(Admin, "/api/operations/vault")).Json();

    private async Task ReadAll(IAlbaHost node, IEnumerable<Guid> subjects)
    {
        foreach (var subjectRef in subjects)
            (await (await node.GetAs(Jail, $"/api/subjects/{subjectRef}")).Json())["identifiers"]!["dateOfBirth"]!.GetValue<string>().ShouldBe("1990-02-03");
    }
}
