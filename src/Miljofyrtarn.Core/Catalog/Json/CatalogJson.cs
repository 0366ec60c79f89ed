using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Miljofyrtarn.Core.Catalog.Json;

/// <summary>The source-generated metadata for catalog documents, one instance per configured maximum depth.</summary>
internal static class CatalogJson
{
    private static readonly ConcurrentDictionary<int, JsonTypeInfo<CatalogDocument>> ByDepth = new();

    public static JsonTypeInfo<CatalogDocument> TypeInfo(int maxDepth) =>
        ByDepth.GetOrAdd(maxDepth, static depth =>
        {
            var options = new JsonSerializerOptions(CatalogJsonContext.Default.Options)
            {
                MaxDepth = depth,
#if NET10_0_OR_GREATER
                AllowDuplicateProperties = false,
#endif
            };
            return new CatalogJsonContext(options).CatalogDocument;
        });
}
