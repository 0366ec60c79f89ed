using System.Collections.Immutable;
using Miljofyrtarn.Core.Assessment;
using Miljofyrtarn.Core.Catalog;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Resolution;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Organisations;

/// <content>Building units from definitions, checking certificate arrangements, and restoring stored state.</content>
public sealed partial class Organisation
{
    /// <summary>
    /// Rebuilds an organisation from stored state (a snapshot). References are checked (sets, questions, hosts,
    /// criteria, exactly one headquarters first), but not the dates of past choices: a set chosen while it was in force
    /// may be stored after it ended. Stale assessments (of criteria that no longer apply) are kept, as in live state.
    /// </summary>
    internal static Organisation Restore(
        CriteriaCatalog catalog,
        string name,
        OrganisationKind kind,
        OrganisationNumber number,
        LocalDate startedOn,
        CriteriaSet commonSet,
        CriteriaSet? pendingCommonSet,
        IReadOnlyList<(UnitDefinition Definition, UnitRole Role)> units,
        ImmutableDictionary<int, ResponsibleParty> allocation,
        IReadOnlyList<IReadOnlyList<(int CriterionId, CriterionAssessment Assessment)>> assessments,
        Problems problems)
    {
        if (units.Count == 0 || units[0].Role != UnitRole.Headquarters)
        {
            problems.Add(ErrorCodes.MissingProperty, "headquarters");
        }

        var everySet = catalog.Sets;
        var built = new List<Unit>();
        var ids = new HashSet<UnitId>();
        for (var i = 0; i < units.Count; i++)
        {
            var (definition, role) = units[i];
            if (i > 0 && role == UnitRole.Headquarters)
            {
                problems.Add(ErrorCodes.SecondHeadquarters, definition.Name, units[0].Definition.Name);
            }

            if (!ids.Add(definition.Id))
            {
                problems.Add(ErrorCodes.DuplicateUnitId, definition.Id);
            }

            if (BuildUnit(catalog, i == 0 && pendingCommonSet is not null ? pendingCommonSet : commonSet, definition, role, startedOn, problems, everySet) is { } unit)
            {
                built.Add(unit);
            }
        }

        var definitions = units.Select(u => u.Definition).ToArray();
        foreach (var definition in definitions)
        {
            CheckArrangement(definition, definitions, problems);
        }

        foreach (var criterionId in allocation.Keys)
        {
            if (!catalog.TryGetCriterion(criterionId, out _))
            {
                problems.Add(ErrorCodes.UnknownCriterion, criterionId);
            }
        }

        var tables = new List<(int, int, CriterionAssessment)>[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var entries = new List<(int, int, CriterionAssessment)>(i < assessments.Count ? assessments[i].Count : 0);
            foreach (var (criterionId, assessment) in i < assessments.Count ? assessments[i] : [])
            {
                if (catalog.TryGetCriterion(criterionId, out var criterion))
                {
                    entries.Add((criterion.Ordinal, criterionId, assessment));
                }
                else
                {
                    problems.Add(ErrorCodes.UnknownCriterion, criterionId);
                }
            }

            tables[i] = entries;
        }

        problems.ThrowIfAny();
        return new Organisation(name, kind, number, startedOn, pendingCommonSet, OrganisationState.Restore(catalog, commonSet, allocation, built, tables));
    }

    /// <summary>A municipality number: four digits, the first two a county's number (01 to 99), not 0000.</summary>
    internal static bool IsMunicipalityNumber(string value) =>
        value.Length == 4 && value.All(char.IsAsciiDigit) && value[..2] != "00";

    /// <summary>Checks a definition against the catalog and builds the unit; reports problems instead of throwing.</summary>
    private static Unit? BuildUnit(CriteriaCatalog catalog, CriteriaSet commonSet, UnitDefinition definition, UnitRole role, LocalDate on, Problems problems, ImmutableArray<CriteriaSet> keptSets = default)
    {
        if (definition.Id.Value.Length == 0)
        {
            problems.Add(ErrorCodes.InvalidUnitId, string.Empty);
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(ErrorCodes.BlankText, "name");
        }

        if (definition.FullTimeEquivalents is { } fte && (fte < 0 || fte > 1_000_000))
        {
            problems.Add(ErrorCodes.InvalidFullTimeEquivalents, fte);
        }

        if (definition.Municipality is { } municipality && !IsMunicipalityNumber(municipality))
        {
            problems.Add(ErrorCodes.InvalidMunicipalityNumber, municipality);
        }

        var sets = ImmutableArray.CreateBuilder<CriteriaSet>();
        sets.Add(commonSet);
        foreach (var setId in definition.SetIds.IsDefault ? [] : definition.SetIds)
        {
            if (setId is null || !catalog.TryGetSet(setId, out var set))
            {
                problems.Add(ErrorCodes.UnknownSet, setId ?? string.Empty, catalog.Version);
                continue;
            }

            if (set.Kind == CriteriaSetKind.Common && set != commonSet)
            {
                problems.Add(ErrorCodes.CommonSetNotLocked, set.Id, commonSet.Id);
                continue;
            }

            // A set the unit already had may stay after it stops being in force; a newly chosen one must be in force.
            var kept = !keptSets.IsDefault && keptSets.Contains(set);
            if (!kept && set != commonSet && !set.IsInForceOn(on))
            {
                problems.Add(ErrorCodes.SetNotInForce, set.Id, LocalDatePattern.Iso.Format(on));
                continue;
            }

            if (!sets.Contains(set))
            {
                sets.Add(set);
            }
        }

        CriteriaSet? mainSet = null;
        if (definition.MainSetId is { } mainId)
        {
            mainSet = sets.FirstOrDefault(s => s.Id == mainId);
            if (mainSet is null)
            {
                problems.Add(ErrorCodes.MainSetNotChosen, mainId);
            }
        }

        foreach (var questionId in (definition.Answers ?? ImmutableDictionary<string, bool>.Empty).Keys)
        {
            if (!catalog.TryGetQuestion(questionId, out _))
            {
                problems.Add(ErrorCodes.UnknownQuestionAnswered, questionId);
            }
        }

        var management = definition.Management.IsDefault ? [] : definition.Management;
        for (var i = 0; i < management.Length; i++)
        {
            if (management[i] is null)
            {
                problems.Add(ErrorCodes.MissingProperty, $"management[{i}]");
                return null;
            }
        }

        foreach (var duplicate in management.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(ErrorCodes.DuplicateEntry, "management", duplicate.Key);
        }

        if (role == UnitRole.Headquarters && definition.Certificate is { Kind: not CertificateArrangementKind.Own } arrangement)
        {
            problems.Add(ErrorCodes.InvalidCertificateHost, definition.Name, arrangement.Host?.Value ?? string.Empty);
        }

        if (problems.Any)
        {
            return null;
        }

        var normalised = definition with
        {
            SetIds = definition.SetIds.IsDefault ? [] : definition.SetIds,
            Answers = definition.Answers ?? ImmutableDictionary<string, bool>.Empty,
            Management = management,
            Certificate = definition.Certificate ?? CertificateArrangement.Own,
        };
        return new Unit(normalised, role, sets.ToImmutable(), mainSet);
    }

    /// <summary>A shared or attached certificate needs a host that exists, is another unit, has its own certificate and, when co-located, the same address.</summary>
    private static void CheckArrangement(UnitDefinition definition, IReadOnlyList<UnitDefinition> all, Problems problems)
    {
        var arrangement = definition.Certificate ?? CertificateArrangement.Own;
        if (arrangement.Host is not { } hostId)
        {
            return;
        }

        var host = all.FirstOrDefault(d => d.Id == hostId);
        var valid = host is not null
            && hostId != definition.Id
            && (host.Certificate ?? CertificateArrangement.Own).Kind == CertificateArrangementKind.Own
            && (arrangement.Kind != CertificateArrangementKind.CoLocated || SameAddress(host.Address, definition.Address));
        if (!valid)
        {
            problems.Add(ErrorCodes.InvalidCertificateHost, definition.Name, host?.Name ?? hostId.Value);
        }
    }

    private static bool SameAddress(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
