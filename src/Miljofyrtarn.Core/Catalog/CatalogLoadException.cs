using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Catalog;

/// <summary>
/// Thrown when a catalog document has one or more problems. <see cref="MiljofyrtarnException.Diagnostics"/>
/// lists every problem found, each with its code, JSON path and line. No part of the catalog is returned.
/// </summary>
public sealed class CatalogLoadException : MiljofyrtarnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public CatalogLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics)
    {
    }

    /// <summary>Creates the exception, caused by another one (an unreadable file, for example).</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    /// <param name="innerException">The underlying exception.</param>
    public CatalogLoadException(IReadOnlyList<Diagnostic> diagnostics, Exception? innerException)
        : base(diagnostics, innerException)
    {
    }
}
