using System.Security.Cryptography;
using CaseFlow.Server.Operations;
using CaseFlow.Server.Subjects;
using CaseFlow.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Tests.Subjects;

/// <summary>The vault's envelope encryption on its own: no host, no database.</summary>
public class SubjectVaultTests
{
    private static readonly SubjectIdentifiers Person = new(new PersonName("Alex", "Example", null), new DateOnly(1990, 2, 3), "A012345678", "F1234567", "TX-99");
    private static readonly VaultKeys K1 = VaultKeys.Random("k1");

    private static readonly CaseFlowMetrics Metrics =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    private static SubjectVault Vault(VaultKeys keys) => new(Options.Create(new VaultOptions
    {
        MasterKeys = keys.MasterKeys.ToDictionary(), ActiveMasterKeyId = keys.ActiveMasterKeyId, SearchKey = keys.SearchKey, PreviousSearchKey = keys.PreviousSearchKey,
    }), Metrics);

    [Fact]
    public void identifiers_come_back_as_they_went_in_and_nothing_stored_shows_them()
    {
        var vault = Vault(K1);
        var stored = vault.Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person);

        vault.Open(stored).ShouldBe(Person);
        stored.MasterKeyId.ShouldBe("k1");
        var text = System.Text.Encoding.UTF8.GetString([.. stored.Ciphertext!, .. stored.WrappedDataKey!]) + string.Join(' ', stored.SearchTags);
        foreach (var identifier in new[] { "Alex", "Example", "1990-02-03", "012345678", "F1234567", "TX-99" })
            text.ShouldNotContain(identifier);
    }

    [Fact]
    public void every_subject_gets_its_own_data_key_and_nonce()
    {
        var vault = Vault(K1);
        var subjectRef = Guid.NewGuid();

        var first = vault.Lock(subjectRef, Guid.NewGuid(), "TX0790000", Person);
        var second = vault.Lock(subjectRef, Guid.NewGuid(), "TX0790000", Person);

        first.Ciphertext.ShouldNotBe(second.Ciphertext);
        first.WrappedDataKey.ShouldNotBe(second.WrappedDataKey);
        first.SearchTags.ShouldBe(second.SearchTags);
    }

    [Fact]
    public void a_ciphertext_or_wrapped_key_moved_to_another_subject_does_not_decrypt()
    {
        var vault = Vault(K1);
        var one = vault.Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person);
        var other = vault.Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person with { ANumber = "A000000001" });

        Should.Throw<CryptographicException>(() => vault.Open(other with { Ciphertext = one.Ciphertext }));
        Should.Throw<CryptographicException>(() => vault.Open(other with { WrappedDataKey = one.WrappedDataKey }));
        Should.Throw<CryptographicException>(() => vault.Open(one with { Id = other.Id }));
    }

    [Fact]
    public void a_changed_byte_or_another_master_key_under_the_same_id_fails()
    {
        var stored = Vault(K1).Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person);
        var flipped = stored.Ciphertext!.ToArray();
        flipped[^1] ^= 1;

        Should.Throw<CryptographicException>(() => Vault(K1).Open(stored with { Ciphertext = flipped }));
        Should.Throw<CryptographicException>(() => Vault(VaultKeys.Random("k1")).Open(stored));
        Should.Throw<CryptographicException>(() => Vault(VaultKeys.Random("k2")).Open(stored));
    }

    [Fact]
    public void a_rewrapped_key_opens_with_only_the_new_master_key()
    {
        var rotating = K1.Activating("k2", VaultKeys.NewKey());
        var stored = Vault(K1).Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person);

        var rewrapped = stored with { MasterKeyId = "k2", WrappedDataKey = Vault(rotating).Rewrap(stored).WrappedDataKey };

        Vault(rotating.Only("k2")).Open(rewrapped).ShouldBe(Person);
        Should.Throw<CryptographicException>(() => Vault(rotating.Only("k2")).Open(stored));
    }

    [Fact]
    public void search_tags_depend_on_the_search_key_and_tell_the_kind_of_identifier()
    {
        var vault = Vault(K1);

        vault.ANumberTag("A012345678").ShouldBe(vault.ANumberTag("A012345678"));
        vault.ANumberTag("A012345678").ShouldStartWith("a:");
        vault.FbiNumberTag("A012345678").ShouldStartWith("f:");
        vault.FbiNumberTag("A012345678")[2..].ShouldNotBe(vault.ANumberTag("A012345678")[2..]);
        Vault(VaultKeys.Random("k1")).ANumberTag("A012345678").ShouldNotBe(vault.ANumberTag("A012345678"));
    }

    [Fact]
    public void a_search_key_rotation_retags_with_the_new_key_and_searches_under_both_meanwhile()
    {
        var rotating = K1.RotatingSearchKey();
        var stored = Vault(K1).Lock(Guid.NewGuid(), Guid.NewGuid(), "TX0790000", Person);

        var retagged = Vault(rotating).Rewrap(stored).SearchTags;

        Vault(rotating).ANumberTags(Person.ANumber!).ShouldBe([Vault(rotating).ANumberTag(Person.ANumber!), Vault(K1).ANumberTag(Person.ANumber!)]);
        Vault(rotating).ANumberTags(Person.ANumber!).ShouldContain(stored.SearchTags[0]);
        retagged.ShouldContain(Vault(rotating).ANumberTag(Person.ANumber!));
        retagged.ShouldNotContain(stored.SearchTags[0]);
        Vault(rotating).SearchKeyId.ShouldNotBe(Vault(K1).SearchKeyId);
        stored.SearchKeyId.ShouldBe(Vault(K1).SearchKeyId);
        Should.Throw<CryptographicException>(() => Vault(rotating).Rewrap(stored with { Ciphertext = null }), "a damaged row is reported, not a crash");
    }

    [Theory]
    [InlineData(null, "k1", "search", "Vault:MasterKeys is empty")]
    [InlineData("short", "k1", "search", "Vault:MasterKeys:k1 must be base64 of exactly 32 bytes")]
    [InlineData("good", "k9", "search", "Vault:ActiveMasterKeyId must name one of the keys")]
    [InlineData("good", "k1", "short", "Vault:SearchKey must be base64 of at least 32 bytes")]
    [InlineData("good", "k1", null, "Vault:SearchKey must be base64 of at least 32 bytes")]
    public void options_without_usable_keys_are_refused_with_the_setting_named(string? masterKey, string active, string? searchKey, string message)
    {
        var options = new VaultOptions
        {
            MasterKeys = masterKey is null ? [] : new() { ["k1"] = masterKey == "good" ? VaultKeys.NewKey() : "c2hvcnQ=" },
            ActiveMasterKeyId = active,
            SearchKey = searchKey switch { "search" => VaultKeys.NewKey(), "short" => "c2hvcnQ=", _ => null },
        };

        var result = new VaultOptionsValidation().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(message);
    }

    [Fact]
    public void a_previous_search_key_must_be_a_key_and_not_the_active_one()
    {
        var key = VaultKeys.NewKey();
        VaultOptions With(string previous) => new()
        {
            MasterKeys = new() { ["k1"] = VaultKeys.NewKey() }, ActiveMasterKeyId = "k1", SearchKey = key, PreviousSearchKey = previous,
        };

        new VaultOptionsValidation().Validate(null, With(key)).FailureMessage!.ShouldContain("Vault:PreviousSearchKey");
        new VaultOptionsValidation().Validate(null, With("c2hvcnQ=")).FailureMessage!.ShouldContain("Vault:PreviousSearchKey");
        new VaultOptionsValidation().Validate(null, With(VaultKeys.NewKey())).Succeeded.ShouldBeTrue();
    }
}
