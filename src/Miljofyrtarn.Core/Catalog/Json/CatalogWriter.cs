using System.Text.Json;
using Miljofyrtarn.Core.Internal.Json;
using Miljofyrtarn.Core.Localization;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Catalog.Json;

/// <summary>Writes a <see cref="CriteriaCatalog"/> in the catalog format, so that reading it back gives an equal catalog.</summary>
internal static class CatalogWriter
{
    public static void Write(CriteriaCatalog catalog, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, ToDocument(catalog), CatalogJsonContext.Default.CatalogDocument);
    }

    public static byte[] WriteToBytes(CriteriaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.SerializeToUtf8Bytes(ToDocument(catalog), CatalogJsonContext.Default.CatalogDocument);
    }

    private static CatalogDocument ToDocument(CriteriaCatalog catalog) => new()
    {
        Schema = CriteriaCatalog.SchemaId,
        SchemaVersion = CatalogReader.SchemaVersion,
        Version = catalog.Version,
        PublishedOn = LocalDatePattern.Iso.Format(catalog.PublishedOn),
        Title = Text(catalog.Title),
        Description = catalog.Description is null ? null : Text(catalog.Description),
        Illustrative = catalog.IsIllustrative,
        Source = catalog.Source,
        Themes = [.. catalog.Themes.Select(t => new ThemeDocument { Id = t.Id, Name = Text(t.Name) })],
        Questions = [.. catalog.Questions.Select(q => new QuestionDocument { Id = q.Id, Text = Text(q.Text) })],
        Criteria = [.. catalog.Criteria.Select(c => new CriterionDocument
        {
            Id = c.Id,
            Theme = c.Theme.Id,
            Obligation = Vocabulary.Obligations.Name(c.Obligation),
            Status = Vocabulary.Statuses.Name(c.Status),
            ReplacedBy = c.ReplacedById,
            FulfilledBy = Vocabulary.Responsibilities.Name(c.FulfilledBy),
            AppliesWhen = c.AppliesWhen is { } when ? new ConditionDocument { Question = when.QuestionId, Answer = when.Answer } : null,
            Title = Text(c.Title),
            Text = Text(c.Text),
        })],
        Sets = [.. catalog.Sets.Select(s => new SetDocument
        {
            Id = s.Id,
            Kind = Vocabulary.SetKinds.Name(s.Kind),
            Name = Text(s.Name),
            TargetGroup = s.TargetGroup is null ? null : Text(s.TargetGroup),
            OrganisationKinds = s.OrganisationKinds.IsEmpty ? null : [.. s.OrganisationKinds.Select(Vocabulary.OrganisationKinds.Name)],
            EffectiveFrom = LocalDatePattern.Iso.Format(s.EffectiveFrom),
            EffectiveTo = s.EffectiveTo is { } to ? LocalDatePattern.Iso.Format(to) : null,
            Criteria = [.. s.Criteria.Select(c => (int?)c.Id)],
            Themes = s.ThemeGroups.IsEmpty ? null : [.. s.ThemeGroups.Select(g => new SetThemeDocument { Theme = g.Theme.Id, Criteria = [.. g.Criteria.Select(c => (int?)c.Id)] })],
        })],
    };

    private static TextDocument Text(LocalizedText text) => new() { Nb = text.Bokmal, Nn = text.Nynorsk, En = text.English };

    internal static string RootPath => JsonPaths.Root;
}
