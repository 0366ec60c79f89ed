using Microsoft.AspNetCore.Components;
using Miljofyrtarn.Core.Lifecycle;
using Miljofyrtarn.Core.Organisations;

namespace Miljofyrtarn.Sample.Web.Components.Parts;

/// <summary>A page about one unit of an organisation: finds the unit by the id in the address, then shows it.</summary>
public abstract class UnitScopedPage : OrganisationPage
{
    /// <summary>The unit's id from the address.</summary>
    [Parameter]
    public string UnitId { get; set; } = string.Empty;

    /// <summary>The unit; null when the organisation has no such unit.</summary>
    protected Unit? Unit { get; private set; }

    /// <inheritdoc />
    protected override Task LoadedAsync()
    {
        PrepareForms();
        Show();
        return Task.CompletedTask;
    }

    /// <summary>Gives each form its empty model on a first visit (a post brings its own).</summary>
    protected abstract void PrepareForms();

    /// <summary>Reads what the page shows from the organisation as loaded (again after a refused change).</summary>
    protected void Show()
    {
        Unit = Lifecycle?.Organisation.AllUnits.FirstOrDefault(u => u.Id.Value == UnitId);
        if (Lifecycle is not null && Unit is not null)
        {
            Show(Lifecycle, Unit);
        }
    }

    /// <summary>Reads what the page shows about the unit.</summary>
    /// <param name="lifecycle">The organisation.</param>
    /// <param name="unit">The unit.</param>
    protected abstract void Show(OrganisationLifecycle lifecycle, Unit unit);
}
