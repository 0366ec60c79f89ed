using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using NodaTime;

namespace Miljofyrtarn.Core.Schedule;

/// <summary>Options of a <see cref="DeadlineSchedule"/>.</summary>
/// <remarks>Immutable, with value equality (the reminder offsets compared day by day); the setters validate.</remarks>
public sealed record DeadlineOptions
{
    private readonly ImmutableArray<int> _reminderOffsets = [30, 7, 1];
    private readonly int _dueSoonDays = 30;

    /// <summary>The defaults: reminders 30, 7 and 1 days before, due soon within 30 days, reminders at 09:00.</summary>
    public static DeadlineOptions Default { get; } = new();

    /// <summary>Days before a deadline to remind: each 0 to 366, no duplicates. Default 30, 7 and 1.</summary>
    /// <exception cref="MiljofyrtarnException">An offset is negative, over 366 or repeated (<see cref="ErrorCodes.InvalidReminderOffset"/>).</exception>
    public ImmutableArray<int> ReminderOffsets
    {
        get => _reminderOffsets;
        init
        {
            var problems = new Problems();
            var seen = new HashSet<int>();
            foreach (var offset in value.IsDefault ? [] : value)
            {
                if (offset is < 0 or > 366 || !seen.Add(offset))
                {
                    problems.Add(ErrorCodes.InvalidReminderOffset, offset);
                }
            }

            problems.ThrowIfAny();
            _reminderOffsets = [.. (value.IsDefault ? [] : value).OrderByDescending(o => o)];
        }
    }

    /// <summary>How many days before its due date a deadline counts as due soon: 0 to 366. Default 30.</summary>
    /// <exception cref="MiljofyrtarnException">Negative or over 366.</exception>
    public int DueSoonDays
    {
        get => _dueSoonDays;
        init
        {
            if (value is < 0 or > 366)
            {
                throw Problems.Single(ErrorCodes.InvalidReminderOffset, value);
            }

            _dueSoonDays = value;
        }
    }

    /// <summary>The local time of day of reminders. Default 09:00.</summary>
    public LocalTime ReminderTime { get; init; } = new(9, 0);

    /// <inheritdoc />
    public bool Equals(DeadlineOptions? other) =>
        other is not null && _reminderOffsets.SequenceEqual(other._reminderOffsets) && _dueSoonDays == other._dueSoonDays && ReminderTime == other.ReminderTime;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_reminderOffsets.Length, _dueSoonDays, ReminderTime);
}
