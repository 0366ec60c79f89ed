namespace Miljofyrtarn.Sample.Web.Dashboard;

/// <summary>The one stylesheet, embedded in the app and served from it (no CDN, no files to deploy beside it).</summary>
public static class SiteStyle
{
    private static readonly byte[] Css = Load();

    /// <summary>Serves <c>/site.css</c>, cached for an hour.</summary>
    /// <param name="http">The request.</param>
    /// <returns>The stylesheet.</returns>
    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css, "text/css; charset=utf-8");
    }

    /// <summary>The stylesheet's size in bytes, for the page-weight check.</summary>
    public static int Length => Css.Length;

    private static byte[] Load()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("The embedded stylesheet site.css is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
