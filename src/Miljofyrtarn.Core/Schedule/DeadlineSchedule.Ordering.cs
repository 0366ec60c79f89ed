using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Miljofyrtarn.Core.Schedule;

/// <content>The one stable order of deadlines: by due date, then kind, then unit order.</content>
public sealed partial class DeadlineSchedule
{
    private const int Kinds = 6;

    /// <summary>
    /// Orders deadlines by due date, then kind, keeping unit order within those. The deadlines' due dates span a few years
    /// at most, so they are placed by a counting sort over (day, kind) in one pass, stable and linear in their number; a
    /// span too wide for that (a range over centuries with few deadlines) falls back to one keyed sort. Both read the
    /// keys kept beside the deadlines, never the deadlines themselves.
    /// </summary>
    private static ImmutableArray<Deadline> Order(Collected collected)
    {
        var count = collected.Count;
        if (count == 0)
        {
            return [];
        }

        var keys = collected.Keys;
        var deadlines = collected.Items;
        var first = int.MaxValue;
        var last = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            first = Math.Min(first, keys[i]);
            last = Math.Max(last, keys[i]);
        }

        var items = new Deadline[count];
        var buckets = (long)last - first + 1;
        if (buckets > (4L * count) + 4096)
        {
            var wide = new long[count];
            for (var i = 0; i < count; i++)
            {
                wide[i] = ((long)keys[i] << 24) + i;
                items[i] = deadlines[i];
            }

            Array.Sort(wide, items);
            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        // Count each (day, kind), turn the counts into starting places, then place each deadline in the order it came.
        var start = new int[buckets + 1];
        for (var i = 0; i < count; i++)
        {
            start[keys[i] - first + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        for (var i = 0; i < count; i++)
        {
            items[start[keys[i] - first]++] = deadlines[i];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>The deadlines of one query as they are generated, each with its ordering key (due day × kinds + kind) beside it.</summary>
    private sealed class Collected(int capacity)
    {
        public Deadline[] Items { get; private set; } = new Deadline[Math.Max(capacity, 4)];

        public int[] Keys { get; private set; } = new int[Math.Max(capacity, 4)];

        public int Count { get; private set; }

        public void Add(Deadline deadline)
        {
            if (Count == Items.Length)
            {
                var items = Items;
                var keys = Keys;
                Array.Resize(ref items, Count * 2);
                Array.Resize(ref keys, Count * 2);
                (Items, Keys) = (items, keys);
            }

            Items[Count] = deadline;
            Keys[Count++] = (deadline.DueDate.ToDateOnly().DayNumber * Kinds) + (int)deadline.Kind;
        }
    }
}
