using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>
/// The dashboard's settings, from configuration (appsettings, environment, command line):
/// <c>Dashboard:Database</c> (the SQLite file; default <c>miljofyrtarn-dashboard.db</c> next to the app),
/// <c>ConnectionStrings:Miljofyrtarn</c> or <c>--postgres</c> (PostgreSQL instead), <c>Dashboard:Today</c> (pretend
/// today is this date, for demonstrations), <c>Dashboard:User</c> (who acts when no one is chosen in the page header),
/// <c>Dashboard:EnterprisesFolder</c> (where each municipality's list of certified enterprises is kept as
/// <c>sertifiserte-virksomheter-{number}.csv</c>; default beside the database) and <c>Dashboard:FeedbackUrl</c> (the web
/// address of the municipality's feedback form on its climate work, shown on the public page).
/// </summary>
public sealed record DashboardSettings(string DatabasePath, string? PostgresConnectionString, LocalDate? Today, string DefaultUser)
{
    /// <summary>Where the lists of certified enterprises are kept.</summary>
    public string EnterprisesFolder { get; init; } = ".";

    /// <summary>The feedback form's web address (http or https), or null when none is configured.</summary>
    public Uri? FeedbackUrl { get; init; }

    /// <summary>Where the data is, for the start-up line (never the password).</summary>
    public string StoreDescription => PostgresConnectionString is null ? $"SQLite {DatabasePath}" : "PostgreSQL";

    /// <summary>Reads the settings.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="contentRoot">The app's directory, where the SQLite file is by default.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException"><c>Dashboard:Today</c> is not a date (yyyy-MM-dd).</exception>
    public static DashboardSettings From(IConfiguration configuration, string contentRoot)
    {
        var database = configuration["Dashboard:Database"] is { Length: > 0 } file
            ? Path.GetFullPath(file, contentRoot)
            : Path.Combine(contentRoot, "miljofyrtarn-dashboard.db");
        var postgres = configuration["postgres"] is { Length: > 0 } given ? given : configuration.GetConnectionString("Miljofyrtarn");
        LocalDate? today = null;
        if (configuration["Dashboard:Today"] is { Length: > 0 } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            today = parsed.Success
                ? parsed.Value
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Dashboard:Today is '{text}', not a date in the form yyyy-MM-dd."));
        }

        // The public page shows no e-mail address or person's name, so the feedback address is a web form's, not a mailbox.
        Uri? feedback = null;
        if (configuration["Dashboard:FeedbackUrl"] is { Length: > 0 } url)
        {
            feedback = Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http"
                ? parsed
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Dashboard:FeedbackUrl is '{url}', not a web address (https://…); the public page links a feedback form, never an e-mail address."));
        }

        return new(database, string.IsNullOrWhiteSpace(postgres) ? null : postgres, today, configuration["Dashboard:User"] is { Length: > 0 } user ? user : "miljo@heim.kommune.no")
        {
            EnterprisesFolder = configuration["Dashboard:EnterprisesFolder"] is { Length: > 0 } folder ? Path.GetFullPath(folder, contentRoot) : Path.GetDirectoryName(database) ?? contentRoot,
            FeedbackUrl = feedback,
        };
    }
}

/// <summary>A clock that starts at the start of a given day (Oslo time) and then runs with the real one.</summary>
/// <param name="today">The day it starts on.</param>
/// <param name="real">The real clock.</param>
public sealed class StartingClock(LocalDate today, IClock real) : IClock
{
    private readonly Duration _offset = today.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToInstant().Plus(Duration.FromHours(9)) - real.GetCurrentInstant();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => real.GetCurrentInstant() + _offset;
}
