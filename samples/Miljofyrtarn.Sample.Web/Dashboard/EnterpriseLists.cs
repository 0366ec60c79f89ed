using System.Collections.Immutable;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Organisations;
using Miljofyrtarn.Core.ReadModels;

namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>
/// Each municipality's list of certified enterprises (<see cref="CertifiedEnterprise"/>), as a CSV file in
/// <see cref="DashboardSettings.EnterprisesFolder"/>: uploaded by its coordinator, or placed there by hand. An upload is
/// read whole first (<see cref="CertifiedEnterpriseCsv"/>) and replaces the file only when every row is good, so a bad
/// file changes nothing. The file holds no personal data: organisation numbers, names, certificates and industries.
/// </summary>
public sealed class EnterpriseLists(DashboardSettings settings)
{
    /// <summary>The largest file taken: 5 MB, far more than the largest municipality's list.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The file of a municipality's list.</summary>
    /// <param name="number">The municipality's organisation number.</param>
    /// <returns>The path.</returns>
    public string PathOf(OrganisationNumber number) => Path.Combine(settings.EnterprisesFolder, $"sertifiserte-virksomheter-{number.Value}.csv");

    /// <summary>A municipality's list: empty when it has none; a file that cannot be read is reported, not shown in part.</summary>
    /// <param name="number">The municipality's organisation number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The enterprises, or the problems of a file that cannot be read.</returns>
    public async Task<(ImmutableArray<CertifiedEnterprise> Enterprises, IReadOnlyList<Diagnostic> Problems)> ReadAsync(OrganisationNumber number, CancellationToken cancellationToken)
    {
        var path = PathOf(number);
        if (!File.Exists(path))
        {
            return ([], []);
        }

        try
        {
            return (CertifiedEnterpriseCsv.Read(await File.ReadAllBytesAsync(path, cancellationToken)), []);
        }
        catch (MiljofyrtarnException refused)
        {
            return ([], refused.Diagnostics);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            // A file placed by hand that cannot be read: named by its file name only, never its folder.
            return ([], [new Diagnostic(ErrorCodes.FileNotReadable, [Path.GetFileName(path)])]);
        }
    }

    /// <summary>Replaces a municipality's list with an uploaded file, when every row of it is good.</summary>
    /// <param name="number">The municipality's organisation number.</param>
    /// <param name="upload">The file's bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The enterprises now listed.</returns>
    /// <exception cref="MiljofyrtarnException">The file has bad rows or lacks a column; every problem is listed with its line, and the list is unchanged.</exception>
    /// <exception cref="IOException">The list could not be written; the one kept before is unchanged.</exception>
    public async Task<ImmutableArray<CertifiedEnterprise>> ReplaceAsync(OrganisationNumber number, byte[] upload, CancellationToken cancellationToken)
    {
        var enterprises = CertifiedEnterpriseCsv.Read(upload);
        Directory.CreateDirectory(settings.EnterprisesFolder);
        var path = PathOf(number);
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, upload, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return enterprises;
    }
}
