using System.Globalization;
using System.Text;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Core.Tests.Organisations;

/// <summary>Everything observable about an organisation, as text, to show that a failed operation changed nothing.</summary>
internal static class OrganisationState
{
    public static string Fingerprint(Organisation organisation)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{organisation.Name}|{organisation.Kind}|{organisation.Number}|{organisation.StartedOn}|{organisation.CommonSet.Id}\n");
        foreach (var (id, party) in organisation.AllocationOverrides.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"allocate {id}={party}\n");
        }

        foreach (var unit in organisation.AllUnits)
        {
            text.Append(CultureInfo.InvariantCulture, $"unit {unit.Id} {unit.Role} {unit.Name} {unit.Address} {unit.FullTimeEquivalents} main={unit.MainSet?.Id} {unit.Certificate}\n");
            text.Append("  sets ").AppendJoin(',', unit.Sets.Select(s => s.Id)).Append('\n');
            text.Append("  answers ").AppendJoin(',', unit.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")).Append('\n');
            text.Append("  people ").Append(unit.Officer).Append(';').AppendJoin(',', unit.Management).Append('\n');
            foreach (var resolved in organisation.Resolve(unit.Id).Criteria)
            {
                var (status, by) = organisation.GetStatus(unit.Id, resolved.Criterion.Id);
                var assessment = organisation.GetAssessment(unit.Id, resolved.Criterion.Id);
                text.Append(CultureInfo.InvariantCulture, $"  {resolved.Criterion.Id} {status} {by} {assessment?.RecordedAt} {assessment?.RecordedBy} {assessment?.Comment} {assessment?.Justification}");
                text.AppendJoin(',', assessment?.Evidence.Select(e => $"{e.Reference}|{e.Sha256}|{e.ValidUntil}") ?? []).Append('\n');
            }
        }

        var readiness = organisation.GetReadiness();
        text.Append(CultureInfo.InvariantCulture, $"readiness {readiness.Counts}\n");
        return text.ToString();
    }
}
