using System.Buffers;
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
        var rented = ArrayPool<int>.Shared.Rent((int)buckets + 1);
        var start = rented.AsSpan(0, (int)buckets + 1);
        start.Clear();
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

        ArrayPool<int>.Shared.Return(rented);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>
    /// The deadlines of one query as they are generated, each with its ordering key (due day × kinds + kind) beside it.
    /// Both arrays are scratch, rented from the shared pools and returned (the deadlines' slots cleared) by
    /// <see cref="Dispose"/>: at 100,000 units they hold 700,000 entries, and allocating them afresh was 9 MB of the
    /// 55 MB a query allocated, all of it on the large object heap.
    /// </summary>
    private sealed class Collected(int capacity) : IDisposable
    {
        public Deadline[] Items { get; private set; } = ArrayPool<Deadline>.Shared.Rent(Math.Max(capacity, 4));

        public int[] Keys { get; private set; } = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 4));

        public int Count { get; private set; }

        public void Add(Deadline deadline)
        {
            if (Count == Items.Length || Count == Keys.Length)
            {
                Grow();
            }

            Items[Count] = deadline;
            Keys[Count++] = (deadline.DueDate.ToDateOnly().DayNumber * Kinds) + (int)deadline.Kind;
        }

        public void Dispose()
        {
            Items.AsSpan(0, Count).Clear();
            ArrayPool<Deadline>.Shared.Return(Items);
            ArrayPool<int>.Shared.Return(Keys);
            (Items, Keys, Count) = ([], [], 0);
        }

        private void Grow()
        {
            var items = ArrayPool<Deadline>.Shared.Rent(Count * 2);
            var keys = ArrayPool<int>.Shared.Rent(Count * 2);
            Items.AsSpan(0, Count).CopyTo(items);
            Keys.AsSpan(0, Count).CopyTo(keys);
            Items.AsSpan(0, Count).Clear();
            ArrayPool<Deadline>.Shared.Return(Items);
            ArrayPool<int>.Shared.Return(Keys);
            (Items, Keys) = (items, keys);
        }
    }
}
