using Miljofyrtarn.Core;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Schedule;
using Miljofyrtarn.Core.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Miljofyrtarn.AspNetCore;

/// <summary>
/// The library's settings in a host, bound from the <c>Miljofyrtarn</c> configuration section
/// (<c>appsettings.json</c>, environment variables <c>Miljofyrtarn__TimeZone</c>, …) and checked at start-up:
/// a bad value stops the host from starting, with the setting named.
/// </summary>
public sealed class MiljofyrtarnOptions
{
    /// <summary>The configuration section the options are bound from: <c>Miljofyrtarn</c>.</summary>
    public const string SectionName = "Miljofyrtarn";

    /// <summary>A criteria catalog file (JSON) to use instead of the embedded default; null for the embedded one.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>The scheme's time zone, as an IANA ID; <c>Europe/Oslo</c> by default.</summary>
    public string TimeZone { get; set; } = "Europe/Oslo";

    /// <summary>Whether certified units get a follow-up audit (<i>oppfølgingsrevisjon</i>) deadline; off by default.</summary>
    public bool RequiresFollowUpAudit { get; set; }

    /// <summary>
    /// The day the follow-up audit rule took effect, as <c>yyyy-MM-dd</c> (the scheme publishes none, so it is the host's
    /// to give): only anniversaries on or after it ask for an audit. Null (the default) with
    /// <see cref="RequiresFollowUpAudit"/> on asks for audits on every anniversary.
    /// </summary>
    public string? FollowUpAuditsFrom { get; set; }

    /// <summary>The rule book these settings describe: the default rules, with follow-up audits from the day given.</summary>
    /// <returns>The rule book.</returns>
    /// <exception cref="MiljofyrtarnException">A value is out of range or not a date.</exception>
    internal SchemeRuleBook ToRuleBook()
    {
        var zone = DateTimeZoneProviders.Tzdb[TimeZone];
        if (!RequiresFollowUpAudit)
        {
            return new SchemeRuleBook([SchemeRules.Default], zone);
        }

        if (FollowUpAuditsFrom is not { } text)
        {
            return new SchemeRuleBook([SchemeRules.Default with { RequiresFollowUpAudit = true }], zone);
        }

        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || parsed.Value <= SchemeRules.Default.EffectiveFrom || parsed.Value > SchemeRuleBook.MaxDate)
        {
            throw new MiljofyrtarnException(new Diagnostic(ErrorCodes.InvalidValue, [text, "yyyy-MM-dd"], "FollowUpAuditsFrom"));
        }

        return new SchemeRuleBook([SchemeRules.Default, SchemeRules.Default with { EffectiveFrom = parsed.Value, RequiresFollowUpAudit = true }], zone);
    }

    /// <summary>How many days before its due date a deadline counts as due soon; the library's default when null.</summary>
    public int? DueSoonDays { get; set; }

    /// <summary>The days before a deadline to remind on (0 to 366, no repeats); the library's default (30, 7, 1) when null.</summary>
    public int[]? ReminderOffsets { get; set; }

    /// <summary>The page size of listings when a request does not give one; 50 by default.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>
    /// The claim that names an organisation a user belongs to, by its organisation number (<c>964123454</c>); a user may
    /// hold several. Members read their organisation, start it, and act in it while it is not governed by roles.
    /// Default <c>miljofyrtarn:organisation</c>.
    /// </summary>
    public string OrganisationClaimType { get; set; } = "miljofyrtarn:organisation";

    /// <summary>
    /// The role (as <c>ClaimsPrincipal.IsInRole</c> sees it) of people who act for Stiftelsen Miljøfyrtårn: they see every
    /// organisation, assign certifiers and grant postponements. Default <c>miljofyrtarn-foundation</c>.
    /// </summary>
    public string FoundationRole { get; set; } = "miljofyrtarn-foundation";

    /// <summary>
    /// The claim that gives a user a role in an organisation, as <c>organisation number:role</c> (<c>964123454:coordinator</c>;
    /// roles <c>management</c>, <c>coordinator</c>, <c>unitContact</c>, <c>consultant</c>, <c>reader</c>), for example
    /// mapped from groups by the identity provider. It counts besides the roles the organisation's history grants, for the
    /// whole organisation. Default <c>miljofyrtarn:role</c>.
    /// </summary>
    public string RoleClaimType { get; set; } = "miljofyrtarn:role";

    /// <summary>
    /// The role that may start any organisation. Anyone may start the organisation their own claims name
    /// (<see cref="OrganisationClaimType"/>). Default <c>miljofyrtarn-creator</c>.
    /// </summary>
    public string CreatorRole { get; set; } = "miljofyrtarn-creator";

    /// <summary>
    /// Whether every change (<c>POST …/actions</c>) must carry <c>If-Match</c> with the version it was decided on; off by
    /// default. On, a change without one is refused with 428 (<c>MFT0331</c>), so no client can change an organisation it
    /// has not read.
    /// </summary>
    public bool RequireIfMatch { get; set; }

    /// <summary>
    /// How many times a change without <c>If-Match</c> that meets another writer's append is tried again on the new
    /// state, its rules and the caller's rights checked again each time; 10 by default, 0 to answer 409 at once. A
    /// change with <c>If-Match</c> is never retried: a stale version gets 412.
    /// </summary>
    public int CommandRetries { get; set; } = 10;

    /// <summary>
    /// Write a snapshot of an organisation to the store every this many events, so a load reads the snapshot and the
    /// events after it, not the whole history (<see cref="LifecycleRepositoryOptions.SnapshotEvery"/>); 100 by default,
    /// 0 for none.
    /// </summary>
    public int SnapshotEvery { get; set; } = LifecycleRepositoryOptions.Default.SnapshotEvery;

    /// <summary>
    /// How many organisations' latest states the host keeps in memory; a request reads only the events after a kept
    /// state's version, so other hosts' writes are always seen (<see cref="LifecycleRepositoryOptions.CachedOrganisations"/>).
    /// 1,000 by default, 0 for none.
    /// </summary>
    public int CachedOrganisations { get; set; } = LifecycleRepositoryOptions.Default.CachedOrganisations;

    /// <summary>The deadline options these settings describe.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="MiljofyrtarnException">A value is out of range.</exception>
    public DeadlineOptions ToDeadlineOptions()
    {
        var options = DeadlineOptions.Default;
        if (ReminderOffsets is not null)
        {
            options = options with { ReminderOffsets = [.. ReminderOffsets] };
        }

        return DueSoonDays is { } days ? options with { DueSoonDays = days } : options;
    }
}

/// <summary>Checks the options at start-up (<c>ValidateOnStart</c>), naming the setting and the bad value.</summary>
internal sealed class MiljofyrtarnOptionsValidator(IEnumerable<StoreRegistration> stores) : IValidateOptions<MiljofyrtarnOptions>
{
    public ValidateOptionsResult Validate(string? name, MiljofyrtarnOptions options)
    {
        var failures = new List<string>();
        if (!stores.Any())
        {
            failures.Add("No event store is registered: call AddSqliteEventStore(...), AddPostgresEventStore(...), AddInMemoryEventStore() or AddEventStore(...) on the builder AddMiljofyrtarn returns.");
        }

        if (options.CatalogPath is { } path && !File.Exists(path))
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:CatalogPath: the file '{path}' does not exist.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? string.Empty) is null)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:TimeZone: '{options.TimeZone}' is not an IANA time zone such as Europe/Oslo.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? string.Empty) is not null)
        {
            try
            {
                options.ToRuleBook();
            }
            catch (MiljofyrtarnException refused)
            {
                failures.Add($"{MiljofyrtarnOptions.SectionName}:FollowUpAuditsFrom: '{options.FollowUpAuditsFrom}' is not a date (yyyy-MM-dd) after {SchemeRules.Default.EffectiveFrom:yyyy-MM-dd} and up to {SchemeRuleBook.MaxDate:yyyy-MM-dd} ({refused.Code}).");
            }
        }

        if (options.SnapshotEvery is < 0 or > Limits.Events)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:SnapshotEvery: {options.SnapshotEvery} is not from 0 to {Limits.Events}.");
        }

        if (options.CachedOrganisations is < 0 or > 1_000_000)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:CachedOrganisations: {options.CachedOrganisations} is not from 0 to 1000000.");
        }

        if (options.CommandRetries is < 0 or > 100)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:CommandRetries: {options.CommandRetries} is not from 0 to 100.");
        }

        if (options.DefaultPageSize is < 1 or > EventStoreRules.MaxPageSize)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:DefaultPageSize: {options.DefaultPageSize} is not from 1 to {EventStoreRules.MaxPageSize}.");
        }

        try
        {
            options.ToDeadlineOptions();
        }
        catch (MiljofyrtarnException refused)
        {
            failures.Add($"{MiljofyrtarnOptions.SectionName}:DueSoonDays/ReminderOffsets: {refused.GetMessage(Core.Localization.Language.English)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
