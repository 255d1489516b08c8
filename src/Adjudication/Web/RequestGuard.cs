using CentralCount.Adjudication.Accounts;
using Microsoft.AspNetCore.Http;

namespace CentralCount.Adjudication.Web;

/// <summary>
/// Who is asking, and whether they may: every API call needs a session; every changing request
/// must come from this application's own pages (same origin) and carry the session's CSRF token;
/// pages and data are never cached or framed.
/// </summary>
public static class RequestGuard
{
    public const string SessionCookie = "cc_session";
    public const string CsrfHeader = "X-CSRF-Token";

    public static Session? SessionOf(HttpContext context) => context.Items.TryGetValue(typeof(Session), out var s) ? s as Session : null;

    public static async Task Run(HttpContext context, Func<Task> next, BoardServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(services);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        var session = services.Sessions.Find(context.Request.Cookies[SessionCookie]);
        if (session is not null)
        {
            context.Items[typeof(Session)] = session;
        }

        var path = context.Request.Path.Value ?? "/";
        var changes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        if (changes && CrossSite(context) is { } why)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, $"cross-site request refused: {why}").ConfigureAwait(false);
            return;
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/signin")
        {
            if (session is null)
            {
                await Refuse(context, StatusCodes.Status401Unauthorized, "sign in first").ConfigureAwait(false);
                return;
            }

            if (changes && context.Request.Headers[CsrfHeader] != session.CsrfToken)
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "this request does not carry the session's CSRF token; reload the page").ConfigureAwait(false);
                return;
            }
        }

        await next().ConfigureAwait(false);
    }

    private static string? CrossSite(HttpContext context)
    {
        var request = context.Request;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"the browser says it came from a {fetchSite} page";
        }

        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host}";
        if (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return $"it came from {origin}, not {own}";
        }

        if (request.Path == "/api/signin" && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return "sign-in takes JSON from the sign-in page only";
        }

        return null;
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
