namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// What kind of problem an error code reports, so a host maps categories (to HTTP statuses, log levels, retry
/// policies) rather than individual codes. Every code in <see cref="ErrorCodes"/> has exactly one category
/// (<see cref="ErrorCodes.GetCategory(string)"/>); the table is in <c>docs/error-codes.md</c>.
/// </summary>
public enum ErrorCategory
{
    /// <summary>The caller's input is malformed or out of range: fix the request (HTTP 400).</summary>
    InvalidInput = 0,

    /// <summary>The thing asked for does not exist: an organisation's stream, a unit, a criterion, a file (HTTP 404).</summary>
    NotFound = 1,

    /// <summary>The input is well-formed but the scheme's rules refuse the action now (HTTP 422).</summary>
    RefusedByRule = 2,

    /// <summary>Someone else changed the same thing first, or it already exists: reload and try again (HTTP 409, or 412 for a stale <c>If-Match</c>).</summary>
    Conflict = 3,

    /// <summary>Stored data is damaged, tampered with or impossible: an operator must look (HTTP 500).</summary>
    CorruptData = 4,

    /// <summary>The store cannot be reached or written now (locked, read-only, full): a retry later may succeed (HTTP 503).</summary>
    Unavailable = 5,

    /// <summary>
    /// The actor may not do this: they hold no role that may, or (for a certifier) are not assigned or not impartial.
    /// Nothing changed; another person must act (HTTP 403).
    /// </summary>
    Forbidden = 6,
}

/// <summary>Localised names of error categories, for the title of an error shown to a user.</summary>
public static class ErrorCategoryNames
{
    /// <summary>The category's title, for example <c>Avvist av regelverket</c>.</summary>
    /// <param name="category">The category.</param>
    /// <param name="language">The language.</param>
    /// <returns>The title.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined category.</exception>
    public static string GetTitle(this ErrorCategory category, Localization.Language language) =>
        Enum.IsDefined(category)
            ? Terms.Get("category", category.ToString(), language)
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined error category.");
}
