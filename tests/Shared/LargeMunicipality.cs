using System.Collections.Immutable;
using System.Text.Json;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.Resolution;
using NodaTime;

namespace Miljofyrtarn.Core.Testing;

/// <summary>
/// A realistic large municipality for benchmarks and the tests that check them: 1 HK and 200 UEs on a
/// generated catalog of 1,000 criteria in 80 sets, with about half the criteria assessed. Deterministic.
/// Shared (linked) by the test and benchmark projects.
/// </summary>
internal static class LargeMunicipality
{
    public static readonly LocalDate StartedOn = new(2024, 1, 15);

    public static byte[] CatalogJson(int criteria = 1000, int sets = 80, int themes = 12)
    {
        var random = new Random(1000);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("version", "large-test");
            json.WriteString("publishedOn", "2024-06-01");
            Text(json, "title", "Stor testkatalog");
            json.WriteStartArray("themes");
            for (var t = 0; t < themes; t++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"theme-{t}");
                Text(json, "name", $"Tema {t}");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("questions");
            for (var q = 0; q < 4; q++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"q{q}");
                Text(json, "text", $"Spørsmål {q}?");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("criteria");
            var retired = criteria - 10;
            for (var i = 1; i <= criteria; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i);
                json.WriteString("theme", $"theme-{i % themes}");
                json.WriteString("obligation", i % 5 == 0 ? "should" : "must");
                if (i > retired)
                {
                    json.WriteString("status", "retired");
                    json.WriteNumber("replacedBy", i - retired);
                }

                json.WriteString("fulfilledBy", i % 10 == 0 ? "headquarters" : "eachUnit");
                if (i % 7 == 0)
                {
                    json.WriteStartObject("appliesWhen");
                    json.WriteString("question", $"q{i % 4}");
                    json.WriteBoolean("answer", true);
                    json.WriteEndObject();
                }

                Text(json, "title", $"Kriterium {i}");
                Text(json, "text", $"Teksten til kriterium {i}.");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sets");
            for (var s = 0; s < sets; s++)
            {
                json.WriteStartObject();
                json.WriteString("id", s == 0 ? "common" : s == sets - 1 ? "ended" : $"industry-{s}");
                json.WriteString("kind", s == 0 ? "common" : s == sets - 1 ? "headOffice" : "industry");
                Text(json, "name", $"Sett {s}");
                json.WriteString("effectiveFrom", "2020-01-01");
                if (s == sets - 1)
                {
                    json.WriteString("effectiveTo", "2022-12-31");
                }

                json.WriteStartArray("criteria");
                var members = s == sets - 1
                    ? Enumerable.Range(retired + 1, 10)
                    : s == 0
                        ? Enumerable.Range(1, 60)
                        : Enumerable.Range(0, 40).Select(_ => random.Next(61, retired + 1)).Distinct();
                foreach (var member in members)
                {
                    json.WriteNumberValue(member);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();

        static void Text(Utf8JsonWriter json, string name, string nb)
        {
            json.WriteStartObject(name);
            json.WriteString("nb", nb);
            json.WriteEndObject();
        }
    }

    public static Organisation Create(int units = 200, CriteriaCatalog? catalog = null)
    {
        catalog ??= CriteriaCatalog.Load(CatalogJson());
        var random = new Random(200);
        var industry = catalog.Sets.Where(s => s.Kind == CriteriaSetKind.Industry).Select(s => s.Id).ToArray();
        var headquarters = new UnitDefinition(new UnitId("hk"), "Rådhuset") { SetIds = [industry[0], industry[1]], Answers = RandomAnswers(random) };
        var organisation = Organisation.Create(catalog, "Storby kommune", OrganisationKind.Municipality, OrganisationNumber.Parse("964123454"), StartedOn, headquarters);
        for (var u = 0; u < units; u++)
        {
            var sets = Enumerable.Range(0, random.Next(1, 4)).Select(_ => industry[random.Next(industry.Length)]).Distinct().ToImmutableArray();
            organisation = organisation.AddUnit(new UnitDefinition(new UnitId($"ue-{u}"), $"Enhet {u}") { SetIds = sets, Answers = RandomAnswers(random) }, StartedOn);
        }

        organisation = organisation.Allocate(61, ResponsibleParty.Headquarters).Allocate(10, ResponsibleParty.Unit);
        var at = Instant.FromUtc(2024, 3, 1, 9, 0);
        foreach (var unit in organisation.AllUnits)
        {
            foreach (var resolved in organisation.Resolve(unit.Id).Criteria)
            {
                if (resolved.FulfilledBy == ResponsibleParty.Unit && random.Next(2) == 0)
                {
                    var status = (FulfilmentStatus)random.Next(1, 4);
                    organisation = organisation.RecordAssessment(unit.Id, resolved.Criterion.Id,
                        new CriterionAssessment(status, at, "tester", justification: status == FulfilmentStatus.NotApplicable ? "n/a" : null));
                }
            }
        }

        return organisation;
    }

    private static ImmutableDictionary<string, bool> RandomAnswers(Random random) =>
        Enumerable.Range(0, 4).ToImmutableDictionary(q => $"q{q}", _ => random.Next(2) == 0);
}

/// <summary>
/// The straightforward way to compute readiness with LINQ over the public API, recomputing which criteria apply
/// on every call: the benchmark's baseline, and an independent oracle for the library's readiness in tests.
/// </summary>
internal static class LinqReadiness
{
    public sealed record Result(string Unit, ReadinessCounts Counts, IReadOnlyList<(string Theme, ReadinessCounts Counts)> Themes, IReadOnlyList<int> Blocking);

    public static IReadOnlyList<Result> Compute(Organisation organisation)
    {
        var catalog = organisation.Catalog;
        var headquarters = organisation.Headquarters;

        IEnumerable<Criterion> Applicable(Unit unit) => unit.Sets
            .SelectMany(s => s.Criteria)
            .Select(catalog.ResolveActive)
            .Distinct()
            .Where(c => c.AppliesWhen is null || (unit.Answers.TryGetValue(c.AppliesWhen.QuestionId, out var a) && a == c.AppliesWhen.Answer));

        var allocatedToHeadquarters = organisation.Units
            .SelectMany(Applicable)
            .Where(c => organisation.GetResponsibleParty(c.Id) == ResponsibleParty.Headquarters);

        return organisation.AllUnits.Select(unit =>
        {
            var criteria = (unit.IsHeadquarters ? Applicable(unit).Union(allocatedToHeadquarters) : Applicable(unit))
                .OrderBy(c => c.Ordinal)
                .Select(c =>
                {
                    var byHeadquarters = !unit.IsHeadquarters && organisation.GetResponsibleParty(c.Id) == ResponsibleParty.Headquarters;
                    var status = organisation.GetAssessment(byHeadquarters ? headquarters.Id : unit.Id, c.Id)?.Status ?? FulfilmentStatus.NotStarted;
                    return (Criterion: c, Status: status);
                })
                .ToList();

            // The unit's common set groups its own criteria (and what replaces them); others keep their own theme.
            var common = unit.Sets[0];
            Theme ThemeOf(Criterion c) => common.Criteria.FirstOrDefault(m => catalog.ResolveActive(m) == c) is { } member ? common.ThemeOf(member) : c.Theme;
            var themes = criteria
                .GroupBy(x => ThemeOf(x.Criterion))
                .OrderBy(g => common.Themes.IndexOf(g.Key) is var i and >= 0 ? i : common.Themes.Length + g.Key.Ordinal)
                .Select(g => (g.Key.Id, Count(g)))
                .ToList();
            var blocking = criteria
                .Where(x => x.Criterion.Obligation == Obligation.Must && x.Status is FulfilmentStatus.NotStarted or FulfilmentStatus.InProgress)
                .Select(x => x.Criterion.Id)
                .ToList();
            return new Result(unit.Id.Value, Count(criteria), themes, blocking);
        }).ToList();

        static ReadinessCounts Count(IEnumerable<(Criterion Criterion, FulfilmentStatus Status)> items) => new(
            items.Count(x => x.Status == FulfilmentStatus.NotStarted),
            items.Count(x => x.Status == FulfilmentStatus.InProgress),
            items.Count(x => x.Status == FulfilmentStatus.Fulfilled),
            items.Count(x => x.Status == FulfilmentStatus.NotApplicable),
            items.Count(x => x.Criterion.Obligation == Obligation.Must),
            items.Count(x => x.Criterion.Obligation == Obligation.Must && x.Status == FulfilmentStatus.Fulfilled),
            items.Count(x => x.Criterion.Obligation == Obligation.Must && x.Status == FulfilmentStatus.NotApplicable));
    }
}
