using System.Reflection;
using CentralCount.Adjudication.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentralCount.Adjudication.Web;

/// <summary>The pages and their scripts and styles, served from the assembly itself (nothing is fetched from anywhere else).</summary>
public static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, BoardServices services)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(services);
        app.MapGet("/", (HttpContext context) => RequestGuard.SessionOf(context) is { } s
            ? Results.Redirect(s.Account.Role switch { Role.Member => "/board", Role.Administrator => "/admin", _ => "/overview" })
            : Results.Redirect("/signin"));
        app.MapGet("/signin", () => Asset("signin.html"));
        app.MapGet("/board", (HttpContext c) => Page(c, "board.html", Role.Member));
        app.MapGet("/overview", (HttpContext c) => Page(c, "overview.html", Role.Administrator, Role.Observer, Role.Member));
        app.MapGet("/item", (HttpContext c) => Page(c, "item.html", Role.Administrator, Role.Observer, Role.Member));
        app.MapGet("/admin", (HttpContext c) => Page(c, "admin.html", Role.Administrator));
        app.MapGet("/assets/{name}", (string name) => Asset(name));
    }

    private static IResult Page(HttpContext context, string name, params Role[] roles) =>
        RequestGuard.SessionOf(context) is not { } session ? Results.Redirect("/signin")
        : roles.Contains(session.Account.Role) ? Asset(name)
        : Results.Content($"<!doctype html><title>Not for this account</title><p>This page is not for a {session.Account.Role.Name()} account. <a href=\"/\">Back</a></p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = type is null || name.Contains('/', StringComparison.Ordinal) ? null
            : Assembly.GetExecutingAssembly().GetManifestResourceStream("CentralCount.Adjudication.Web.assets." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
