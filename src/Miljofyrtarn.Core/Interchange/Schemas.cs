namespace Miljofyrtarn.Core.Interchange;

/// <summary>The JSON Schemas embedded in the assembly (the files in <c>schemas/</c>).</summary>
internal static class Schemas
{
    /// <summary>The text of <c>schemas/{name}.schema.json</c>.</summary>
    public static string Read(string name)
    {
        using var stream = Catalog.CriteriaCatalog.OpenResource($"Miljofyrtarn.Core.{name}.schema.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
