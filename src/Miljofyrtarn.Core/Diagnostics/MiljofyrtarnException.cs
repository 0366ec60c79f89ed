using System.Globalization;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// The base of the library's own exceptions: a refusal with one or more coded <see cref="Diagnostics"/>.
/// Catch it to show the user what went wrong in their language (<see cref="GetMessage(Language)"/>).
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is written in the language of <see cref="CultureInfo.CurrentUICulture"/> when the
/// exception is created (Bokmål unless the culture is Nynorsk or English).
/// </remarks>
public class MiljofyrtarnException : Exception
{
    /// <summary>Creates an exception for the given diagnostics.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public MiljofyrtarnException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics, LanguageExtensions.FromCulture(CultureInfo.CurrentUICulture)))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception for the given diagnostics, caused by another exception (kept for developers; its text is never shown to users).</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    /// <param name="innerException">The underlying exception, for example an <see cref="IOException"/>.</param>
    public MiljofyrtarnException(IReadOnlyList<Diagnostic> diagnostics, Exception? innerException)
        : base(Describe(diagnostics, LanguageExtensions.FromCulture(CultureInfo.CurrentUICulture)), innerException)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception for one diagnostic.</summary>
    /// <param name="diagnostic">The problem.</param>
    public MiljofyrtarnException(Diagnostic diagnostic)
        : this([diagnostic ?? throw new ArgumentNullException(nameof(diagnostic))])
    {
    }

    /// <summary>The problems, at least one, in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The code of the first problem.</summary>
    public string Code => Diagnostics[0].Code;

    /// <summary>
    /// What kind of refusal this is, for a host to map to a status: the category of the first problem, except that
    /// corrupt data, then unavailability, then a forbidden actor, then a conflict outrank the rest (a request that both breaks a rule and meets
    /// a damaged store is a damaged store).
    /// </summary>
    public ErrorCategory Category
    {
        get
        {
            var category = Diagnostics[0].Category;
            foreach (var diagnostic in Diagnostics)
            {
                if (Rank(diagnostic.Category) > Rank(category))
                {
                    category = diagnostic.Category;
                }
            }

            return category;

            static int Rank(ErrorCategory c) => c switch
            {
                ErrorCategory.CorruptData => 4,
                ErrorCategory.Unavailable => 3,
                ErrorCategory.Forbidden => 2,
                ErrorCategory.Conflict => 1,
                _ => 0,
            };
        }
    }

    /// <summary>All problems as text in the given language, one per line.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The message.</returns>
    public string GetMessage(Language language) => Describe(Diagnostics, language);

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics, Language language)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return diagnostics.Count == 1
            ? diagnostics[0].ToString(language)
            : string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString(language)));
    }
}
