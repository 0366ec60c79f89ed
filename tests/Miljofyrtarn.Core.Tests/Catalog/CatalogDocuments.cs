using System.Text;
using System.Text.Json.Nodes;

namespace Miljofyrtarn.Core.Tests.Catalog;

/// <summary>A small valid catalog document to mutate in tests, one problem at a time.</summary>
internal static class CatalogDocuments
{
    public const string Minimal = """
        {
          "schemaVersion": 1,
          "version": "test-1",
          "publishedOn": "2024-06-01",
          "title": { "nb": "Testkatalog", "en": "Test catalog" },
          "themes": [
            { "id": "system", "name": { "nb": "System" } },
            { "id": "energi", "name": { "nb": "Energi" } }
          ],
          "questions": [
            { "id": "kitchen", "text": { "nb": "Har enheten kjøkken?" } }
          ],
          "criteria": [
            { "id": 1, "theme": "system", "obligation": "must", "fulfilledBy": "headquarters", "title": { "nb": "Policy" }, "text": { "nb": "Har policy." } },
            { "id": 2, "theme": "energi", "obligation": "should", "title": { "nb": "Energi" }, "text": { "nb": "Følger opp energi." }, "appliesWhen": { "question": "kitchen", "answer": true } },
            { "id": 3, "theme": "system", "obligation": "must", "status": "retired", "replacedBy": 1, "title": { "nb": "Gammel" }, "text": { "nb": "Utgått." } }
          ],
          "sets": [
            { "id": "felles", "kind": "common", "name": { "nb": "Felles" }, "effectiveFrom": "2016-01-01", "criteria": [1, 2] },
            { "id": "gammel", "kind": "headOffice", "name": { "nb": "Gammel" }, "effectiveFrom": "2016-01-01", "effectiveTo": "2020-12-31", "criteria": [3] }
          ]
        }
        """;

    public static JsonObject Parse() => JsonNode.Parse(Minimal)!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The minimal document with one change applied.</summary>
    public static byte[] With(Action<JsonObject> change)
    {
        var document = Parse();
        change(document);
        return Bytes(document);
    }

    public static JsonObject Criterion(JsonObject document, int index) => document["criteria"]![index]!.AsObject();

    public static JsonObject Set(JsonObject document, int index) => document["sets"]![index]!.AsObject();
}
