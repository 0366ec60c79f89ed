using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Miljofyrtarn.Core.Internal;
using Xunit;

namespace Miljofyrtarn.Core.Tests.Internal;

/// <summary>
/// The hash trie behind unit positions and certificate numbers behaves as a dictionary: after any sequence of sets, every
/// key reads its last value, absent keys are absent, the count is right, and every earlier version is unchanged. Keys
/// with equal hashes (below the trie's last level) and keys differing only in their hash's last bits are covered by a
/// comparer that folds hashes onto a few values.
/// </summary>
public class PersistentHashMapProperties
{
    /// <summary>Hashes folded onto <paramref name="buckets"/> values, so that many keys collide completely.</summary>
    private sealed class FoldingComparer(int buckets) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => (int)((uint)obj % (uint)buckets) * unchecked((int)0x9E3779B1);
    }

    private static readonly Gen<(int Key, int Value)[]> Steps =
        Gen.Choose(-500, 500).Zip(Gen.Choose(0, 1_000_000)).ArrayOf();

    public static TheoryData<int> Buckets => [int.MaxValue, 7, 1];

    [Property(MaxTest = 200)]
    public Property EverySet_IsReadBack_AndEarlierVersionsAreUnchanged() => Prop.ForAll(Steps.ToArbitrary(), Gen.Elements(int.MaxValue, 64, 3, 1).ToArbitrary(), (steps, buckets) =>
    {
        var comparer = new FoldingComparer(buckets);
        var map = PersistentHashMap<int, int>.Empty(comparer);
        var expected = new Dictionary<int, int>();
        var versions = new List<(PersistentHashMap<int, int> Map, Dictionary<int, int> Contents)>();
        foreach (var (key, value) in steps)
        {
            map = map.SetItem(key, value);
            expected[key] = value;
            versions.Add((map, new Dictionary<int, int>(expected)));
        }

        foreach (var (version, contents) in versions)
        {
            version.Count.Should().Be(contents.Count);
            foreach (var (key, value) in contents)
            {
                version.TryGetValue(key, out var read).Should().BeTrue();
                read.Should().Be(value);
            }

            for (var absent = 501; absent < 520; absent++)
            {
                version.ContainsKey(absent).Should().BeFalse();
            }
        }
    });

    [Theory]
    [MemberData(nameof(Buckets))]
    public void ManyKeys_AreAllFound_WhateverTheirHashes(int buckets)
    {
        var keys = Enumerable.Range(0, 20_000).Select(i => (i * 7919) - 50_000).ToArray();
        var map = PersistentHashMap<int, int>.From(keys.Select(k => KeyValuePair.Create(k, -k)), new FoldingComparer(buckets));

        map.Count.Should().Be(keys.Length);
        keys.Where(k => !(map.TryGetValue(k, out var v) && v == -k)).Should().BeEmpty();
        map.ContainsKey(1).Should().BeFalse();
        map.SetItem(keys[0], 42).Count.Should().Be(keys.Length, "replacing a value adds no key");
        map.TryGetValue(keys[0], out var unchanged).Should().BeTrue();
        unchanged.Should().Be(-keys[0]);
    }

    [Fact]
    public void StringKeys_UseTheComparerGiven()
    {
        var map = PersistentHashMap<string, bool>.Empty(StringComparer.OrdinalIgnoreCase).SetItem("MFT-1", true);

        map.ContainsKey("mft-1").Should().BeTrue();
        PersistentHashMap<string, bool>.Empty(StringComparer.Ordinal).SetItem("MFT-1", true).ContainsKey("mft-1").Should().BeFalse();
    }
}
