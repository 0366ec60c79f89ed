using Microsoft.AspNetCore.Components;
using Miljofyrtarn.Core.Contracts;
using Miljofyrtarn.Core.Diagnostics;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Storage;
using Miljofyrtarn.Sample.Web.Dashboard;

namespace Miljofyrtarn.Sample.Web.Components.Parts;

/// <summary>A page about one organisation: loads it by number and keeps the problems to show.</summary>
public abstract class OrganisationPage : ComponentBase
{
    /// <summary>The organisation number from the address.</summary>
    [Parameter]
    public string Number { get; set; } = string.Empty;

    /// <summary>The request's language and actor.</summary>
    [Inject]
    protected Ui Ui { get; set; } = default!;

    /// <summary>The store.</summary>
    [Inject]
    protected LifecycleRepository Repository { get; set; } = default!;

    /// <summary>Where to go after a change.</summary>
    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The request, to answer 404 for an organisation that is not there.</summary>
    [CascadingParameter]
    protected HttpContext? Http { get; set; }

    /// <summary>The organisation as loaded; null when the store has no such organisation (or could not be read).</summary>
    protected OrganisationLifecycle? Lifecycle { get; private set; }

    /// <summary>Problems with the request as a whole (not one field), in the reader's language.</summary>
    protected List<ReasonView> Problems { get; } = [];

    /// <summary>Messages beside form fields, by the field's id; nothing was stored while there are any.</summary>
    protected Dictionary<string, List<string>> FieldProblems { get; } = new(StringComparer.Ordinal);

    /// <summary>A change was refused because someone else changed the organisation first.</summary>
    protected bool Stale { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        if (Lifecycle is not null)
        {
            await LoadedAsync();
        }
        else if (Http is { Response.HasStarted: false })
        {
            Http.Response.StatusCode = Problems.Count > 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Reads the organisation again (after a refused change, to show the current state).</summary>
    /// <returns>A task.</returns>
    protected async Task ReloadAsync()
    {
        try
        {
            Lifecycle = await Repository.FindAsync(Number);
        }
        catch (MiljofyrtarnException e)
        {
            Lifecycle = null;
            Problems.AddRange(ContractViews.ToReasons(e.Diagnostics, Ui.Contract));
        }
    }

    /// <summary>Called once the organisation is loaded.</summary>
    /// <returns>A task.</returns>
    protected virtual Task LoadedAsync() => Task.CompletedTask;

    /// <summary>Runs a command against the version the form was made from; on a refusal, keeps the reasons and reloads.</summary>
    /// <param name="command">The command.</param>
    /// <param name="version">The version the form showed (its hidden field), unparsed.</param>
    /// <param name="fieldOf">Which form field a reason belongs beside, or null for the form as a whole.</param>
    /// <returns>True when the command was stored.</returns>
    protected async Task<bool> ExecuteAsync(LifecycleCommand command, string? version, Func<ReasonView, string?>? fieldOf = null)
    {
        if (!long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expected))
        {
            Problems.Add(new ReasonView("form", ContractText.Of(
                "Skjemaet er endret utenfor siden. Ingenting ble lagret; prøv igjen fra siden nedenfor.",
                "Skjemaet er endra utanfor sida. Ingenting vart lagra; prøv igjen frå sida nedanfor.",
                "The form was altered outside the page. Nothing was saved; try again from the page below.")));
            return false;
        }

        try
        {
            await Repository.ExecuteAsync(Number, command, Ui.ActingAs, expected);
            return true;
        }
        catch (MiljofyrtarnException e)
        {
            foreach (var reason in ContractViews.ToReasons(e.Diagnostics, Ui.Contract))
            {
                if (reason.Code == ErrorCodes.ConcurrencyConflict)
                {
                    Stale = true;
                }
                else if (fieldOf?.Invoke(reason) is { } field)
                {
                    AddField(field, reason.Message.Get(Ui.Language));
                }
                else
                {
                    Problems.Add(reason);
                }
            }

            await ReloadAsync();
            return false;
        }
    }

    /// <summary>Adds a message beside a field.</summary>
    /// <param name="field">The field's id.</param>
    /// <param name="message">The message, in the reader's language.</param>
    protected void AddField(string field, string message) =>
        (FieldProblems.TryGetValue(field, out var list) ? list : FieldProblems[field] = []).Add(message);

    /// <summary>The messages beside a field, or null when it is fine.</summary>
    /// <param name="field">The field's id.</param>
    /// <returns>The messages, joined.</returns>
    protected string? Error(string field) => FieldProblems.TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    /// <summary>Goes to a page of this organisation after a stored change (a redirect, so a reload does not post again).</summary>
    /// <param name="relative">The page under the organisation, for example <c>units/raadhuset</c>.</param>
    /// <param name="notice">The key of what was done (see <c>Notices</c>), shown on the next page.</param>
    protected void GoTo(string relative, string notice) =>
        Navigation.NavigateTo($"/o/{Uri.EscapeDataString(Number)}/{relative}{(relative.Contains('?', StringComparison.Ordinal) ? '&' : '?')}done={Uri.EscapeDataString(notice)}");
}
