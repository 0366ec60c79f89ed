using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace Miljofyrtarn.Core.Notifications;

/// <summary>A notification's stable key: its parts escaped (<c>%</c> and <c>|</c> percent-encoded) and joined by <c>|</c>, so no two notifications share one.</summary>
internal static class NotificationKey
{
    public static string Of(Notification n)
    {
        var subject = n.Unit.Value + (n.Year is { } year ? "/" + year.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + (n.CriterionId is { } criterion ? "/criterion-" + criterion.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var occurrence = LocalDatePattern.Iso.Format(n.DueDate) + "@" + n.DaysBefore.ToString(CultureInfo.InvariantCulture);
        var key = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string>)[n.Stream, n.Kind.ToString(), subject, occurrence, n.Recipient.Person])
        {
            if (key.Length > 0)
            {
                key.Append('|');
            }

            foreach (var c in part)
            {
                _ = c switch
                {
                    '%' => key.Append("%25"),
                    '|' => key.Append("%7C"),
                    _ => key.Append(c),
                };
            }
        }

        return key.ToString();
    }
}
