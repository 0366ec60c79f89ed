using System.Globalization;
using System.Text;
using Miljofyrtarn.Core.Localization;

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>
/// One problem found by the library: a stable <see cref="Code"/>, the values it is about, and, for
/// problems in a document, where in the document it is (<see cref="Path"/> and <see cref="Line"/>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Equality is by value: code, arguments, path, line and column.
/// The message is produced on demand in the wanted language by <see cref="GetMessage(Language)"/>.
/// </remarks>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private readonly string[] _arguments;

    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable error code, one of <see cref="ErrorCodes"/>.</param>
    /// <param name="arguments">The values the message names, formatted with the invariant culture.</param>
    /// <param name="path">The JSON path of the offending value (for example <c>$.criteria[3].theme</c>), or null.</param>
    /// <param name="line">The 1-based line of the offending value, or null when unknown.</param>
    /// <param name="column">The 1-based column (in bytes) of the offending value, or null when unknown.</param>
    /// <exception cref="ArgumentException">The code is not one of <see cref="ErrorCodes"/>, or fewer values are given than its message names.</exception>
    public Diagnostic(string code, IEnumerable<string> arguments, string? path = null, long? line = null, long? column = null)
        : this(code, (arguments ?? throw new ArgumentNullException(nameof(arguments))).ToArray(), path, line, column)
    {
    }

    /// <summary>
    /// The library's own diagnostics, from a collection expression: its values are copied once, without the enumerator and
    /// the wrapper an <see cref="IEnumerable{T}"/> costs, so a refused guard (<c>GetAllowedActions</c> asks many) stays cheap.
    /// </summary>
    internal Diagnostic(string code, ReadOnlySpan<string> arguments, string? path = null, long? line = null, long? column = null)
        : this(code, arguments.ToArray(), path, line, column)
    {
    }

    private Diagnostic(string code, string[] arguments, string? path, long? line, long? column)
    {
        Internal.Preconditions.CheckNotBlank(code);
        Code = code;
        _arguments = arguments;
        var needed = Messages.ArgumentCount(code) ?? throw new ArgumentException($"'{code}' is not a Miljofyrtarn error code.", nameof(code));
        if (_arguments.Length < needed)
        {
            throw new ArgumentException($"The message of {code} names {needed} values; {_arguments.Length} were given.", nameof(arguments));
        }
        Path = path;
        Line = line;
        Column = column;
    }

    /// <summary>The stable error code (for example <c>MFT0101</c>).</summary>
    public string Code { get; }

    /// <summary>The values the message names, in the order of the message's placeholders.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>What kind of problem this is (<see cref="ErrorCodes.GetCategory(string)"/>).</summary>
    public ErrorCategory Category => ErrorCodes.GetCategory(Code);

    /// <summary>The JSON path of the offending value, when the problem is in a document.</summary>
    public string? Path { get; }

    /// <summary>The 1-based line of the offending value, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based byte column of the offending value within its line, when known.</summary>
    public long? Column { get; }

    /// <summary>
    /// The underlying parser's own text (System.Text.Json's English message, for example), for developers and logs. It
    /// is never part of <see cref="GetMessage(Language)"/>, which is the library's own localised words, and it is not
    /// part of equality.
    /// </summary>
    public string? Detail { get; private init; }

    /// <summary>This diagnostic with the underlying parser's own text as <see cref="Detail"/>.</summary>
    /// <param name="detail">The text.</param>
    /// <returns>A copy with the detail.</returns>
    public Diagnostic WithDetail(string? detail) => new(Code, _arguments, Path, Line, Column) { Detail = detail };

    /// <summary>The message in the given language.</summary>
    /// <param name="language">The language of the message.</param>
    /// <returns>The message, without code or location.</returns>
    public string GetMessage(Language language) => Messages.Format(Code, language, _arguments);

    /// <summary>The diagnostic as one line: code, location and message in the given language.</summary>
    /// <param name="language">The language of the message.</param>
    /// <returns>For example <c>MFT0102 at $.criteria[3].theme (line 40): ...</c>.</returns>
    public string ToString(Language language)
    {
        var builder = new StringBuilder(Code);
        if (Path is not null)
        {
            builder.Append(language == Language.English ? " at " : " ved ").Append(Path);
        }

        if (Line is not null)
        {
            var english = language == Language.English;
            builder.Append(english ? " (line " : " (linje ").Append(Line.Value.ToString(CultureInfo.InvariantCulture));
            if (Column is not null)
            {
                builder.Append(english ? ", column " : ", kolonne ").Append(Column.Value.ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(')');
        }

        return builder.Append(": ").Append(GetMessage(language)).ToString();
    }

    /// <summary>The diagnostic as one line in the language of the current UI culture (Bokmål by default).</summary>
    /// <returns>The diagnostic as one line.</returns>
    public override string ToString() => ToString(LanguageExtensions.FromCulture(CultureInfo.CurrentUICulture));

    /// <inheritdoc />
    public bool Equals(Diagnostic? other) =>
        other is not null
        && Code == other.Code
        && Path == other.Path
        && Line == other.Line
        && Column == other.Column
        && _arguments.AsSpan().SequenceEqual(other._arguments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Path, Line, Column, _arguments.Length);

    internal Diagnostic WithLocation(long? line, long? column) => new(Code, _arguments, Path, line, column) { Detail = Detail };
}
