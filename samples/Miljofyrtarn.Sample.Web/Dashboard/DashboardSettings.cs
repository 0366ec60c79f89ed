using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>
/// The dashboard's settings, from configuration (appsettings, environment, command line):
/// <c>Dashboard:Database</c> (the SQLite file; default <c>miljofyrtarn-dashboard.db</c> next to the app),
/// <c>ConnectionStrings:Miljofyrtarn</c> or <c>--postgres</c> (PostgreSQL instead), <c>Dashboard:Today</c> (pretend
/// today is this date, for demonstrations), <c>Dashboard:User</c> (who acts when no one is chosen in the page header).
/// </summary>
public sealed record DashboardSettings(string DatabasePath, string? PostgresConnectionString, LocalDate? Today, string DefaultUser)
{
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

        return new(database, string.IsNullOrWhiteSpace(postgres) ? null : postgres, today, configuration["Dashboard:User"] is { Length: > 0 } user ? user : "miljo@heim.kommune.no");
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
