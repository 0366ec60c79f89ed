using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Miljofyrtarn.Core.Schedule;

/// <content>The one stable order of deadlines: by due date, then kind, then unit order.</content>
public sealed partial class DeadlineSchedule
{
    /// <summary>
    /// Orders deadlines by due date, then kind, keeping unit order within those. The deadlines' due dates span a few years
    /// at most, so they are placed by a counting sort over (day, kind) in one pass, stable and linear in their number; a
    /// span too wide for that (a range over centuries with few deadlines) falls back to one keyed sort.
    /// </summary>
    private static ImmutableArray<Deadline> Order(List<Deadline> deadlines)
    {
        const int Kinds = 6;
        var items = new Deadline[deadlines.Count];
        if (items.Length == 0)
        {
            return [];
        }

        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var deadline in deadlines)
        {
            var day = deadline.DueDate.ToDateOnly().DayNumber;
            first = Math.Min(first, day);
            last = Math.Max(last, day);
        }

        var buckets = ((long)last - first + 1) * Kinds;
        if (buckets > (4L * items.Length) + 4096)
        {
            var keys = new long[items.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((((long)deadlines[i].DueDate.ToDateOnly().DayNumber * Kinds) + (int)deadlines[i].Kind) << 24) + i;
                items[i] = deadlines[i];
            }

            Array.Sort(keys, items);
            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        // Count each (day, kind), turn the counts into starting places, then place each deadline in the order it came.
        var start = new int[buckets + 1];
        foreach (var deadline in deadlines)
        {
            start[Bucket(deadline) + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        foreach (var deadline in deadlines)
        {
            items[start[Bucket(deadline)]++] = deadline;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);

        int Bucket(Deadline deadline) => ((deadline.DueDate.ToDateOnly().DayNumber - first) * Kinds) + (int)deadline.Kind;
    }
}
