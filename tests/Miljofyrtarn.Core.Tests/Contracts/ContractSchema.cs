using System.Text.Json.Nodes;
using Json.Schema;
using Miljofyrtarn.Core.Tests.Docs;

namespace Miljofyrtarn.Core.Tests.Contracts;

/// <summary>One definition of <c>schemas/contracts.schema.json</c> as a schema of its own.</summary>
internal static class ContractSchema
{
    public static JsonSchema For(string definition)
    {
        var document = JsonNode.Parse(RepositoryFiles.Read("schemas/contracts.schema.json"))!.AsObject();
        document.Remove("$id");
        document["$ref"] = $"#/$defs/{definition}";
        return JsonSchema.FromText(document.ToJsonString());
    }

    public static string Errors(EvaluationResults result) =>
        string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
