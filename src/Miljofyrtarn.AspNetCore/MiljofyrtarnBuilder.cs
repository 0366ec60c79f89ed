using System.Diagnostics.CodeAnalysis;
using Miljofyrtarn.Core.Reporting;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Storage.Sqlite;
using Miljofyrtarn.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Miljofyrtarn.AspNetCore;

/// <summary>What <see cref="MiljofyrtarnServiceCollectionExtensions.AddMiljofyrtarn"/> returns: choose the event store here.</summary>
public sealed partial class MiljofyrtarnBuilder
{
    internal MiljofyrtarnBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Keeps events in a SQLite file (Miljofyrtarn.Storage.Sqlite), opened on first use, with its schema created or
    /// upgraded then. The store's health is reported by the <c>miljofyrtarn-store</c> health check.
    /// </summary>
    /// <param name="connectionString">A path (<c>miljofyrtarn.db</c>) or a connection string with a <c>Data Source</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The connection string names no file.</exception>
    public MiljofyrtarnBuilder AddSqliteEventStore(string connectionString) => AddSqliteEventStore(connectionString, SqliteEventStoreOptions.Default);

    /// <summary>
    /// Keeps events in a SQLite file (Miljofyrtarn.Storage.Sqlite), opened on first use with the options given, with
    /// its schema created or upgraded then.
    /// </summary>
    /// <param name="connectionString">A path (<c>miljofyrtarn.db</c>) or a connection string with a <c>Data Source</c>.</param>
    /// <param name="options">What the store accepts, for example a file upgraded from version 1 whose history was checked otherwise.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The connection string names no file.</exception>
    public MiljofyrtarnBuilder AddSqliteEventStore(string connectionString, SqliteEventStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var path = connectionString.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : connectionString;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The connection string names no Data Source file.", nameof(connectionString));
        }

        return AddEventStore(async cancellationToken => await SqliteEventStore.OpenAsync(path, options, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Keeps events in PostgreSQL (Miljofyrtarn.Storage.Postgres), for hosts with several servers or many
    /// municipalities: opened on first use, with its tables created or upgraded in the schema then. The connection is
    /// the host's: a connection string here, or (when it is null) the <see cref="Npgsql.NpgsqlDataSource"/> the host
    /// registered in its services, for example with Npgsql's <c>AddNpgsqlDataSource</c>, so pooling, TLS and
    /// credentials stay where the host configures them. The <c>miljofyrtarn-store</c> health check asks the server.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; null to use the registered data source.</param>
    /// <param name="schema">The schema for the store's tables; <see cref="PostgresEventStore.DefaultSchema"/> when null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="Core.Diagnostics.MiljofyrtarnException">The schema name is not a plain identifier (<c>MFT0508</c>), refused here rather than at the first request.</exception>
    public MiljofyrtarnBuilder AddPostgresEventStore(string? connectionString = null, string? schema = null)
    {
        PostgresEventStore.CheckSchemaName(schema ?? PostgresEventStore.DefaultSchema);
        if (connectionString is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
            Services.AddSingleton(new StoreRegistration(async (_, cancellationToken) => await PostgresEventStore.ConnectAsync(connectionString, schema, cancellationToken).ConfigureAwait(false)));
            return this;
        }

        Services.AddSingleton(new StoreRegistration(async (services, cancellationToken) =>
        {
            var dataSource = services.GetService<Npgsql.NpgsqlDataSource>() ?? throw new InvalidOperationException(
                "AddPostgresEventStore() without a connection string uses the host's NpgsqlDataSource, but none is registered: register one (for example services.AddNpgsqlDataSource(connectionString)) or pass the connection string.");
            return await PostgresEventStore.OpenAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
        }));
        return this;
    }

    /// <summary>Keeps events in memory only, for tests and demonstrations: everything is lost when the host stops.</summary>
    /// <returns>This builder.</returns>
    public MiljofyrtarnBuilder AddInMemoryEventStore()
    {
        var store = new InMemoryEventStore();
        return AddEventStore(_ => Task.FromResult<IEventStore>(store));
    }

    /// <summary>
    /// Sets how the climate account endpoint computes: the emission factor sets to choose from (the library's defaults
    /// when null) and the activities left out, each with the reason shown in the account. Without this an activity
    /// the factor set has no factor for is refused (<c>MFT0609</c>), never counted as zero.
    /// </summary>
    /// <param name="factorSets">The factor sets, or null for <see cref="EmissionFactorSet.Defaults"/>.</param>
    /// <param name="leftOut">The activities left out.</param>
    /// <returns>This builder.</returns>
    public MiljofyrtarnBuilder ConfigureClimateAccount(IEnumerable<EmissionFactorSet>? factorSets, IEnumerable<LeftOutActivity> leftOut)
    {
        ArgumentNullException.ThrowIfNull(leftOut);
        Services.AddSingleton(new ClimateAccountSettings(factorSets?.ToArray(), [.. leftOut]));
        return this;
    }

    /// <summary>Uses an event store of the host's own, opened on first use.</summary>
    /// <param name="open">Opens the store; called once.</param>
    /// <returns>This builder.</returns>
    public MiljofyrtarnBuilder AddEventStore(Func<CancellationToken, Task<IEventStore>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        Services.AddSingleton(new StoreRegistration((_, cancellationToken) => open(cancellationToken)));
        return this;
    }

    /// <summary>
    /// Replaces the rule of who may see and change an organisation with the host's own: a subclass of
    /// <see cref="OrganisationAuthorizationHandler"/> that overrides <c>Allows</c> (for example to read roles from the
    /// host's own directory). The library still refuses, in its core, what a governed organisation's roles do not allow.
    /// </summary>
    /// <typeparam name="THandler">The host's handler.</typeparam>
    /// <returns>This builder.</returns>
    public MiljofyrtarnBuilder UseAuthorizationHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : OrganisationAuthorizationHandler
    {
        Services.Replace(ServiceDescriptor.Singleton<OrganisationAuthorizationHandler, THandler>());
        return this;
    }
}

/// <summary>The climate account's factor sets and left-out activities; the last registration wins.</summary>
internal sealed record ClimateAccountSettings(IReadOnlyList<EmissionFactorSet>? FactorSets, IReadOnlyList<LeftOutActivity> LeftOut);

/// <summary>How to open the registered store; the last registration wins.</summary>
internal sealed record StoreRegistration(Func<IServiceProvider, CancellationToken, Task<IEventStore>> Open);
