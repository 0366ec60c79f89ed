using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Json;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>Registers the library in a host's services.</summary>
public static class MiljofyrtarnServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything a host needs: <see cref="MiljofyrtarnOptions"/> bound from the <c>Miljofyrtarn</c>
    /// configuration section and validated at start-up; the <see cref="CriteriaCatalog"/> (embedded, or the file in
    /// <see cref="MiljofyrtarnOptions.CatalogPath"/>); <see cref="IClock"/> (the system clock, unless the host registered
    /// one first); the <see cref="SchemeRuleBook"/> and <see cref="DeadlineOptions"/>; the <see cref="IEventStore"/>
    /// chosen on the returned builder, logged, traced and measured; a <see cref="LifecycleRepository"/>; problem details
    /// for every library error; the contracts' JSON in the host's JSON options; a <c>miljofyrtarn-store</c> health check;
    /// authorisation, with the default rule of who may see and change an organisation
    /// (<see cref="OrganisationAuthorizationHandler"/>, replaceable with <see cref="MiljofyrtarnBuilder.UseAuthorizationHandler{THandler}"/>);
    /// and (on .NET 10) schemas for the contracts' IDs, dates and texts in every OpenAPI document the host adds.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Changes to the options after configuration binding, or null.</param>
    /// <returns>A builder to choose the event store with.</returns>
    public static MiljofyrtarnBuilder AddMiljofyrtarn(this IServiceCollection services, Action<MiljofyrtarnOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MiljofyrtarnOptions>().BindConfiguration(MiljofyrtarnOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MiljofyrtarnOptions>, MiljofyrtarnOptionsValidator>());

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.CatalogPath is { } path
            ? CriteriaCatalog.LoadFile(path)
            : CriteriaCatalog.LoadDefault());
        services.TryAddSingleton(sp =>
        {
            // The factor sets of ConfigureClimateAccount are the ones reports record when submitted and recomputations name.
            var rules = sp.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.ToRuleBook();
            return sp.GetServices<ClimateAccountSettings>().LastOrDefault()?.FactorSets is { } sets ? rules.WithFactorSets(sets) : rules;
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.ToDeadlineOptions());

        services.AddMetrics();
        services.TryAddSingleton<MiljofyrtarnInstruments>();
        services.TryAddSingleton<CommandRetry>();
        services.TryAddSingleton<IEventStore>(sp => new InstrumentedEventStore(
            sp.GetServices<StoreRegistration>().LastOrDefault() ?? throw new InvalidOperationException("No event store is registered: call AddSqliteEventStore(...), AddPostgresEventStore(...), AddInMemoryEventStore() or AddEventStore(...) on the builder AddMiljofyrtarn returns."),
            sp,
            sp.GetRequiredService<MiljofyrtarnInstruments>(),
            sp.GetRequiredService<ILogger<InstrumentedEventStore>>()));
        services.TryAddSingleton(sp => new LifecycleRepository(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<CriteriaCatalog>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<SchemeRuleBook>(),
            new LifecycleRepositoryOptions
            {
                SnapshotEvery = sp.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.SnapshotEvery,
                CachedOrganisations = sp.GetRequiredService<IOptions<MiljofyrtarnOptions>>().Value.CachedOrganisations,
            }));

        services.AddAuthorization();
        if (!services.Any(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && d.ImplementationType != typeof(AuthorizationMiddlewareResultHandler)))
        {
            // The API's 401 carries a problem body; a host's own result handler is left in place.
            services.RemoveAll<IAuthorizationMiddlewareResultHandler>();
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, MiljofyrtarnAuthorizationResultHandler>();
        }
        services.TryAddSingleton<OrganisationAuthorizationHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, OrganisationAuthorizationHandler>(sp => sp.GetRequiredService<OrganisationAuthorizationHandler>()));
        services.AddProblemDetails();
        services.AddExceptionHandler<MiljofyrtarnExceptionHandler>();
        services.TryAddSingleton<ApiPrefixes>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Hosting.IStartupFilter, UnsupportedMediaTypeProblems>());
        services.ConfigureHttpJsonOptions(json => MiljofyrtarnJson.Configure(json.SerializerOptions));
#if NET10_0_OR_GREATER
        services.ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(MiljofyrtarnOpenApi.Describe);
#endif
        services.AddHealthChecks().AddCheck<EventStoreHealthCheck>("miljofyrtarn-store", tags: ["miljofyrtarn", "store"]);
        return new MiljofyrtarnBuilder(services);
    }
}
