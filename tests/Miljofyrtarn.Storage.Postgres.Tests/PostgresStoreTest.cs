using FluentAssertions;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Localization;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Tests;
using Npgsql;
using Xunit;

namespace Miljofyrtarn.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL store has: its schema and upgrades, jsonb, the hash chain over jsonb, and the server's failures as codes.</summary>
public sealed class PostgresStoreTest : SchemaScopedTest
{
    [Fact]
    public async Task Opening_CreatesTheSchema_RecordsItsVersion_AndReopeningKeepsTheEvents()
    {
        var store = await StoreAsync();
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(3), 0, Ct);

        var reopened = await StoreAsync();

        store.Schema.Should().Be(Schema);
        (await reopened.GetVersionAsync("s", Ct)).Should().Be(4);
        (await PostgresServer.ScalarAsync<int>($"SELECT max(version) FROM \"{Schema}\".mft_schema")).Should().Be(PostgresEventStore.SchemaVersion);
    }

    [Fact]
    public async Task ManyProcessesOpeningANewSchemaAtOnce_AllSucceed_AndItIsCreatedOnce()
    {
        var sources = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(PostgresServer.ConnectionString)).ToList();
        try
        {
            var stores = await Task.WhenAll(sources.Select(source => PostgresEventStore.OpenAsync(source, Schema, Ct)));

            stores.Should().HaveCount(8);
            (await PostgresServer.ScalarAsync<long>($"SELECT count(*) FROM \"{Schema}\".mft_schema")).Should().Be(PostgresEventStore.SchemaVersion);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ASchemaFromANewerStore_IsRefused_WithBothVersions()
    {
        await StoreAsync();
        await PostgresServer.ExecuteAsync($"INSERT INTO \"{Schema}\".mft_schema (version) VALUES (9)");

        var refused = (await FluentActions.Awaiting(StoreAsync).Should().ThrowAsync<MiljofyrtarnException>()).Which;

        refused.Code.Should().Be(ErrorCodes.UnsupportedSchemaVersion);
        refused.Diagnostics[0].Arguments.Should().Equal("9", PostgresEventStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Miljofyrtarn")]
    [InlineData("mft\"; DROP TABLE x; --")]
    [InlineData("1st")]
    [InlineData("")]
    [InlineData("a-b")]
    public async Task ASchemaNameThatIsNotAPlainIdentifier_IsRefused_NamingIt(string schema)
    {
        var refused = (await FluentActions.Awaiting(() => PostgresEventStore.OpenAsync(PostgresServer.DataSource, schema, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which;

        refused.Code.Should().Be(ErrorCodes.InvalidSchemaName);
        refused.Diagnostics[0].Arguments.Should().Equal(schema);
        refused.GetMessage(Language.NorwegianBokmal).Should().Contain($"«{schema}»");
    }

    [Fact]
    public async Task ASchemaNameOf64Characters_IsRefused_And63AreAccepted()
    {
        var longest = "s" + new string('x', 62);
        await FluentActions.Awaiting(() => PostgresEventStore.OpenAsync(PostgresServer.DataSource, longest + "x", Ct)).Should().ThrowAsync<MiljofyrtarnException>();

        try
        {
            (await PostgresEventStore.OpenAsync(PostgresServer.DataSource, longest, Ct)).Schema.Should().Be(longest);
        }
        finally
        {
            await PostgresServer.DropAsync(longest);
        }
    }

    [Fact]
    public async Task EventsAreStoredAsJsonb_WithTheirType_Instant_Actor_AndTransaction()
    {
        var store = await StoreAsync();
        var lifecycle = EventStoreContractTest.Lifecycle(2);
        await store.SaveAsync("s", lifecycle, 0, Ct);

        await using var command = PostgresServer.DataSource.CreateCommand(
            $"SELECT type, occurred_at, actor, jsonb_typeof(payload), payload->>'actor', transaction_id IS NOT NULL FROM \"{Schema}\".mft_events WHERE stream = 's' ORDER BY sequence");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string Type, DateTime At, string Actor, string JsonType, string JsonActor, bool HasTransaction)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5)));
        }

        rows.Select(r => r.Type).Should().Equal(lifecycle.History.Select(e => e.GetType().Name));
        rows.Select(r => r.At).Should().Equal(lifecycle.History.Select(e => e.OccurredAt.ToDateTimeUtc()));
        rows.Should().OnlyContain(r => r.Actor == "tester" && r.JsonActor == "tester" && r.JsonType == "object" && r.HasTransaction);
    }

    [Fact]
    public async Task AnEventChangedInTheDatabase_IsFound_AndNamed_ByEveryRead()
    {
        var store = await StoreAsync();
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(6), 0, Ct);
        await store.ReadAllAsync(0, 100, Ct);
        await PostgresServer.ExecuteAsync($"UPDATE \"{Schema}\".mft_events SET body = convert_to(jsonb_set(payload, '{{actor}}', '\"mallory\"')::text, 'UTF8') WHERE stream = 's' AND sequence = 4");

        await ExpectTamperedAt("4", () => store.ReadAsync("s", cancellationToken: Ct));
        await ExpectTamperedAt("4", () => store.VerifyAsync("s", Ct));
        await ExpectTamperedAt("4", () => store.ReadAllAsync(0, 100, Ct));
    }

    [Fact]
    public async Task ADeletedEvent_IsFound_AndNamed()
    {
        var store = await StoreAsync();
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(6), 0, Ct);
        await PostgresServer.ExecuteAsync($"DELETE FROM \"{Schema}\".mft_events WHERE stream = 's' AND sequence = 3");

        await ExpectTamperedAt("3", () => store.ReadAsync("s", cancellationToken: Ct));
        await ExpectTamperedAt("3", () => store.ReadAllAsync(0, 100, Ct));
    }

    [Fact]
    public async Task JsonThatIsNotAnEvent_IsRefusedThere_EvenWithItsHashRecomputed()
    {
        var store = await StoreAsync();
        await store.SaveAsync("s", EventStoreContractTest.Lifecycle(3), 0, Ct);
        // The last event replaced, and its hash recomputed over the event before: the chain holds, the JSON does not.
        await PostgresServer.ExecuteAsync($$"""
            UPDATE "{{Schema}}".mft_events e SET body = convert_to('{"type": "Nothing"}', 'UTF8'),
                hash = sha256(p.hash || convert_to('{"type": "Nothing"}', 'UTF8'))
            FROM "{{Schema}}".mft_events p WHERE e.stream = 's' AND e.sequence = 4 AND p.stream = 's' AND p.sequence = 3
            """);

        await ExpectTamperedAt("4", () => store.ReadAsync("s", cancellationToken: Ct));
        await ExpectTamperedAt("4", () => store.ReadAllAsync(0, 100, Ct));
    }

    private static async Task ExpectTamperedAt(string sequence, Func<Task> read)
    {
        var refused = (await FluentActions.Awaiting(read).Should().ThrowAsync<MiljofyrtarnException>()).Which;
        refused.Code.Should().Be(ErrorCodes.TamperedHistory);
        refused.Diagnostics[0].Arguments.Should().Equal(sequence);
    }

    [Fact]
    public async Task AServerThatDoesNotAnswer_IsUnavailable_NamedWithoutThePassword()
    {
        var refused = (await FluentActions.Awaiting(() => PostgresEventStore.ConnectAsync("Host=127.0.0.1;Port=1;Username=app;Password=s3cret;Database=mft;Timeout=3", "mft", Ct))
            .Should().ThrowAsync<MiljofyrtarnException>()).Which;

        refused.Code.Should().Be(ErrorCodes.StoreUnavailable);
        refused.Category.Should().Be(ErrorCategory.Unavailable);
        refused.InnerException.Should().BeAssignableTo<NpgsqlException>();
        refused.Diagnostics[0].Arguments.Should().Equal("postgresql://127.0.0.1:1/mft (mft)");
        refused.GetMessage(Language.English).Should().NotContain("s3cret");
    }

    [Fact]
    public async Task OnAReadOnlyConnection_TheStoreReads_ButAnAppendIsRefusedAsReadOnly()
    {
        var store = await StoreAsync();
        var lifecycle = EventStoreContractTest.Lifecycle(2);
        await store.SaveAsync("s", lifecycle, 0, Ct);
        var readOnly = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Options = "-c default_transaction_read_only=on" };

        await using var standby = await PostgresEventStore.ConnectAsync(readOnly.ConnectionString, Schema, Ct);
        var more = lifecycle.RecordAssessment(lifecycle.Organisation.Headquarters.Id, 7, Core.Assessment.FulfilmentStatus.Fulfilled, "tester");

        (await standby.ReadAsync("s", cancellationToken: Ct)).Should().Equal(lifecycle.History);
        (await FluentActions.Awaiting(() => standby.SaveAsync("s", more, 3, Ct)).Should().ThrowAsync<MiljofyrtarnException>()).Which.Code.Should().Be(ErrorCodes.StoreReadOnly);
        (await store.GetVersionAsync("s", Ct)).Should().Be(3);
    }

    [Fact]
    public async Task AStoreBuiltFromAConnectionString_OwnsItsDataSource_AndRefusesUseAfterDisposal()
    {
        var store = await PostgresEventStore.ConnectAsync(PostgresServer.ConnectionString, Schema, Ct);
        await store.DisposeAsync();
        await store.DisposeAsync();

        await FluentActions.Awaiting(() => store.GetVersionAsync("s", Ct)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task AHostsDataSource_IsLeftOpen_WhenTheStoreIsDisposed()
    {
        await using var source = NpgsqlDataSource.Create(PostgresServer.ConnectionString);
        var store = await PostgresEventStore.OpenAsync(source, Schema, Ct);
        store.Dispose();

        await using var command = source.CreateCommand("SELECT 1");
        (await command.ExecuteScalarAsync(Ct)).Should().Be(1);
    }
}
