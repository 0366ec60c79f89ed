using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Internal.Json;

namespace Miljofyrtarn.Core.Json;

/// <summary>The web contracts' JSON: options for a host, and a strict reader for commands from requests.</summary>
public static class MiljofyrtarnJson
{
    /// <summary>
    /// The context the library writes with: the generated options as they are, so the serializer keeps its fast path.
    /// Non-ASCII letters are escaped as the default encoder does (<c>R\u00E5dhuset</c>); every JSON reader turns them back.
    /// </summary>
    private static readonly MiljofyrtarnJsonContext Context = MiljofyrtarnJsonContext.Default;

    /// <summary>The context commands are read with: the same metadata, with the depth limit and duplicate names refused.</summary>
    private static readonly MiljofyrtarnJsonContext ReadContext = new(new JsonSerializerOptions(MiljofyrtarnJsonContext.Default.Options)
    {
        MaxDepth = MaxCommandDepth,
#if NET10_0_OR_GREATER
        AllowDuplicateProperties = false,
#endif
        Converters = { new FiniteDoubleJsonConverter() },
    });

    /// <summary>The largest request body <see cref="ReadCommand(ReadOnlySpan{byte})"/> reads: 1 MiB.</summary>
    public const int MaxCommandBytes = 1 << 20;

    /// <summary>The deepest nesting a command may have.</summary>
    public const int MaxCommandDepth = 16;

    /// <summary>
    /// The source-generated, AOT-safe metadata of every web contract and command: camelCase names, enums as camelCase
    /// strings, IDs as strings, dates as ISO <c>2027-03-01</c>, instants as ISO UTC, every property written (null when absent), unknown properties
    /// refused when reading.
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } = JsonTypeInfoResolver.Combine(DomainValueResolver.Instance, Context);

    /// <summary>Read-only options with the contracts' metadata and converters, for serialising a contract outside a host.</summary>
    public static JsonSerializerOptions Options => Context.Options;

    /// <summary>The metadata of one contract type, for the AOT-safe <see cref="JsonSerializer"/> overloads.</summary>
    /// <typeparam name="T">A contract type, for example <see cref="OrganisationOverview"/> or <see cref="IReadOnlyList{T}"/> of <see cref="DeadlineView"/>.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException">The type is not one of the contracts.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Context.Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Adds the contracts' metadata (<see cref="TypeInfoResolver"/>) in front of the options' resolvers, and the
    /// public converters, so that a host's own serialisation (ASP.NET Core's <c>JsonOptions</c>) writes the contracts as
    /// they are documented. AOT-safe. One line in a host:
    /// <c>builder.Services.ConfigureHttpJsonOptions(o => MiljofyrtarnJson.Configure(o.SerializerOptions));</c>
    /// </summary>
    /// <param name="options">The options to configure; not yet used (read-only options are refused).</param>
    /// <returns>The same options.</returns>
    /// <exception cref="InvalidOperationException">The options are read-only.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TypeInfoResolverChain.Contains(TypeInfoResolver))
        {
            options.TypeInfoResolverChain.Insert(0, TypeInfoResolver);
        }

        return options;
    }

    /// <summary>Reads a lifecycle command from a request body (UTF-8 JSON), strictly: unknown properties, wrong types and absurd sizes are refused.</summary>
    /// <param name="utf8">The body.</param>
    /// <returns>The command.</returns>
    /// <exception cref="MiljofyrtarnException">Every problem, coded and located (JSON path, line and column).</exception>
    public static LifecycleCommand ReadCommand(ReadOnlySpan<byte> utf8) => Read(utf8, ReadContext.LifecycleCommand, "action");

    /// <summary>Reads a command that starts an organisation from a request body, strictly.</summary>
    /// <param name="utf8">The body.</param>
    /// <returns>The command.</returns>
    /// <exception cref="MiljofyrtarnException">Every problem, coded and located.</exception>
    public static StartOrganisationCommand ReadStartCommand(ReadOnlySpan<byte> utf8) => Read(utf8, ReadContext.StartOrganisationCommand, null);

    /// <summary>Reads a lifecycle command from a request body stream, within <see cref="MaxCommandBytes"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The command.</returns>
    /// <exception cref="MiljofyrtarnException">Every problem, coded and located.</exception>
    public static async Task<LifecycleCommand> ReadCommandAsync(Stream body, CancellationToken cancellationToken = default) =>
        ReadCommand(await ReadBodyAsync(body, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a command that starts an organisation from a request body stream, within <see cref="MaxCommandBytes"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The command.</returns>
    /// <exception cref="MiljofyrtarnException">Every problem, coded and located.</exception>
    public static async Task<StartOrganisationCommand> ReadStartCommandAsync(Stream body, CancellationToken cancellationToken = default) =>
        ReadStartCommand(await ReadBodyAsync(body, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads a request body that is one of the library's other inputs (<see cref="RoleInput"/>, <see cref="CertifierInput"/>)
    /// strictly, within <see cref="MaxCommandBytes"/>.
    /// </summary>
    /// <typeparam name="T">The input's type: one the library serialises (see <see cref="GetTypeInfo{T}"/>).</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The input.</returns>
    /// <exception cref="MiljofyrtarnException">Every problem, coded and located.</exception>
    /// <exception cref="NotSupportedException">The library does not serialise <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadInputAsync<T>(Stream body, CancellationToken cancellationToken = default)
        where T : class
    {
        var type = (JsonTypeInfo<T>?)ReadContext.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not a contract of Miljofyrtarn.Core.");
        return Read(await ReadBodyAsync(body, cancellationToken).ConfigureAwait(false), type, null);
    }

    private static async Task<byte[]> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxCommandBytes)
            {
                throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.DocumentTooLarge, [MaxCommandBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)], JsonPaths.Root));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, string? discriminator)
        where T : class
    {
        var copy = utf8.ToArray();
        try
        {
            return GuardedJson.Read<T>(copy, MaxCommandBytes, MaxCommandDepth, type, problems => new MiljofyrtarnException(GuardedJson.Locate(copy, problems)));
        }
        catch (NotSupportedException) when (discriminator is not null)
        {
            // The serializer cannot create the abstract command without its discriminator.
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.MissingProperty, [discriminator], JsonPaths.Property(JsonPaths.Root, discriminator)));
        }
    }
}
