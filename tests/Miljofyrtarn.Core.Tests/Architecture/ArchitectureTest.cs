using System.Reflection;
using System.Text.Json.Serialization;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using FluentAssertions;
using Miljofyrtarn.Core.Catalog;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Architecture;

/// <summary>
/// The shape of the library, read from the compiled assembly (method bodies included, not only <c>using</c>s): which
/// folders (namespaces) depend on which, and that domain types carry no JSON attributes.
/// </summary>
public class ArchitectureTest
{
    private const string Root = "Miljofyrtarn.Core";

    /// <summary>The edges: wire formats, contracts, JSON, storage and their helpers. Everything else is the domain.</summary>
    private static readonly HashSet<string> Edges = ["Contracts", "Interchange", "Json", "Storage", "Internal.Json", "Catalog.Json"];

    /// <summary>
    /// The folders in the order the data flows: the infrastructure, then catalog → organisation → resolution → readiness
    /// (<c>Assessment</c>) → reporting and lifecycle → schedule, then the edges (contracts, documents, storage, read
    /// models, and the JSON that serialises the contracts). A folder may depend on the folders before it. The catalog's
    /// own document format (<c>Catalog.Json</c>, internal) counts as the catalog: the catalog is loaded from it.
    /// </summary>
    private static readonly string[] Order =
    [
        "Internal", "Localization", "Diagnostics", "Internal.Json",
        "Catalog", "Organisations", "Resolution", "Assessment", "Reporting", "Fees", "Lifecycle", "Schedule",
        "Contracts", "Interchange", "Storage", "ReadModels", "Notifications", "Json",
    ];

    /// <summary>
    /// The dependencies still against the order, each the half of a cycle. Every one is held by a public signature or
    /// a public type's namespace, so removing it moves a public type to another namespace, which the held test suite
    /// names: decided in planning (see <c>docs/architecture.md</c>). The test fails when a new one appears and when one
    /// of these goes, so that this list only shrinks.
    /// </summary>
    private static readonly string[] KnownAgainstTheFlow =
    [
        "Interchange → Storage",          // HistoryContent.Verification is a Storage.HistoryVerification; documents verify the chain
        "Lifecycle → Schedule",           // SchemeRuleBook takes a Schedule.IHolidayCalendar, while the schedule reads lifecycles
        "Organisations → Assessment",     // Organisation.GetReadiness returns Assessment types that name units
        "Organisations → Resolution",     // Organisation.GetStatus returns Resolution types that name units
    ];

    private static readonly ArchUnitNET.Domain.Architecture Library = new ArchLoader().LoadAssemblies(typeof(CriteriaCatalog).Assembly).Build();

    [Fact]
    public void FolderDependencies_FollowTheData_ButForTheKnownOnes()
    {
        var graph = FolderGraph();
        graph.Keys.Should().BeSubsetOf(Order, "every folder has its place in the order");

        var against = graph.SelectMany(g => g.Value.Where(to => Array.IndexOf(Order, to) > Array.IndexOf(Order, g.Key)).Select(to => $"{g.Key} → {to}"))
            .Order(StringComparer.Ordinal).ToList();

        against.Should().Equal(KnownAgainstTheFlow.Order(StringComparer.Ordinal), "folders follow the data; a dependency against the flow makes a cycle");
    }

    [Fact]
    public void TheKnownCycles_AreAllThereIs()
    {
        // Every cycle in the graph runs through a dependency against the flow; take the known ones away and none is left.
        var graph = FolderGraph();
        foreach (var edge in KnownAgainstTheFlow.Select(e => e.Split(" → ")))
        {
            graph[edge[0]].Remove(edge[1]);
        }

        StronglyConnected(graph).Should().OnlyContain(component => component.Count == 1);
    }

    [Fact]
    public void DomainTypes_CarryNoJsonAttributes()
    {
        var domain = typeof(CriteriaCatalog).Assembly.GetTypes().Where(t => t.Namespace is { } ns && !Edges.Contains(Folder(ns)));
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var found = domain.SelectMany(type =>
                new[] { (MemberInfo)type }.Concat(type.GetMembers(all))
                    .Where(m => m.IsDefined(typeof(JsonAttribute), inherit: false))
                    .Select(m => m == type ? type.FullName! : $"{type.FullName}.{m.Name}")
                    .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters())
                        .Where(p => p.IsDefined(typeof(JsonAttribute), inherit: false))
                        .Select(p => $"{type.FullName}({p.Name})")))
            .Distinct()
            .ToList();

        found.Should().BeEmpty("domain types carry no JSON attributes: converters are registered at the edges (Json, Interchange, Contracts)");
    }

    [Fact]
    public void TheCheck_SeesDependenciesInMethodBodies()
    {
        // A guard against a test that cannot fail: the lifecycle's evolve handlers call into the organisation only inside
        // method bodies, and the graph must show it.
        FolderGraph()["Lifecycle"].Should().Contain("Organisations");
    }

    private static Dictionary<string, SortedSet<string>> FolderGraph()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in Library.Types)
        {
            var from = GraphFolder(type.Namespace?.FullName ?? string.Empty);
            if (from.Length == 0)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var set) ? set : graph[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies.Where(d => d.Target is not GenericParameter))
            {
                var to = GraphFolder(dependency.Target?.Namespace?.FullName ?? string.Empty);
                if (to.Length > 0 && to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The folder of a namespace under the library's root: its first segment, or "" outside the library or at its root.
    /// A <c>Json</c> subfolder (<c>Catalog.Json</c>, <c>Internal.Json</c>) is a folder of its own: the wire format of its parent.
    /// </summary>
    private static string Folder(string ns)
    {
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var segments = ns[(Root.Length + 1)..].Split('.');
        return segments.Length > 1 && segments[1] == "Json" ? $"{segments[0]}.Json" : segments[0];
    }

    /// <summary>The folder of a namespace in the dependency graph: the catalog's document format is part of the catalog.</summary>
    private static string GraphFolder(string ns) => Folder(ns) is "Catalog.Json" ? "Catalog" : Folder(ns);

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, SortedSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                result.Add(component);
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }
}
