using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentralCount.Adjudication.Web;

/// <summary>Signing in and out, and the administrator's accounts and boards.</summary>
public static class AccountEndpoints
{
    /// <summary>A sign-in request.</summary>
    public sealed record SignInRequest(string? Name, string? Password);

    /// <summary>A new account from the administrator.</summary>
    public sealed record NewAccount(string? Name, string? DisplayName, string? Role, string? Password);

    /// <summary>A new board from the administrator.</summary>
    public sealed record NewBoard(string? Id, IReadOnlyList<string>? Members);

    /// <summary>A new password from the administrator.</summary>
    public sealed record NewPassword(string? Password);

    public static void Map(IEndpointRouteBuilder app, BoardServices services)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(services);
        app.MapPost("/api/signin", (HttpContext context, SignInRequest request) =>
        {
            var result = services.Accounts.SignIn(request.Name?.Trim() ?? string.Empty, request.Password ?? string.Empty);
            if (result.Account is null)
            {
                return Results.Json(new { error = result.Refusal }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var (token, session) = services.Sessions.Start(result.Account);
            context.Response.Cookies.Append(RequestGuard.SessionCookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                Expires = session.ExpiresAt,
            });
            return Results.Json(new { role = session.Account.Role.Name(), next = session.Account.Role switch { Role.Member => "/board", Role.Administrator => "/admin", _ => "/overview" } });
        });
        app.MapPost("/api/signout", (HttpContext context) =>
        {
            services.Sessions.End(context.Request.Cookies[RequestGuard.SessionCookie], RequestGuard.SessionOf(context)!.Account.Name);
            context.Response.Cookies.Delete(RequestGuard.SessionCookie);
            return Results.Json(new { next = "/signin" });
        });
        app.MapGet("/api/me", (HttpContext context) =>
        {
            var s = RequestGuard.SessionOf(context)!;
            var election = services.Database.Election;
            return Results.Json(new
            {
                name = s.Account.Name,
                displayName = s.Account.DisplayName,
                role = s.Account.Role.Name(),
                board = s.Account.BoardId,
                csrf = s.CsrfToken,
                election = new { id = election.Id, title = election.Title, county = election.Jurisdiction.County, state = election.Jurisdiction.State, date = election.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            });
        });

        app.MapGet("/api/accounts", (HttpContext context) => Administrator(context, _ => Results.Json(services.Accounts.All().Select(a => new
        {
            name = a.Name,
            displayName = a.DisplayName,
            role = a.Role.Name(),
            board = a.BoardId,
            disabled = a.Disabled,
        }))));
        app.MapPost("/api/accounts", (HttpContext context, NewAccount n) => Administrator(context, admin =>
        {
            var role = RoleNames.Parse(n.Role) ?? throw new BoardException($"role '{n.Role}': choose administrator, member or observer");
            var account = services.Accounts.Create(n.Name?.Trim() ?? string.Empty, n.DisplayName ?? string.Empty, role, n.Password ?? string.Empty, admin.Name);
            return Results.Json(new { name = account.Name });
        }));
        app.MapPost("/api/accounts/{name}/password", (HttpContext context, string name, NewPassword p) => Administrator(context, admin =>
        {
            services.Accounts.SetPassword(name, p.Password ?? string.Empty, admin.Name);
            return Results.Json(new { name });
        }));
        app.MapPost("/api/accounts/{name}/disabled/{value:bool}", (HttpContext context, string name, bool value) => Administrator(context, admin =>
        {
            if (name == admin.Name)
            {
                throw new BoardException("an administrator cannot disable their own account");
            }

            services.Accounts.SetDisabled(name, value, admin.Name);
            return Results.Json(new { name, disabled = value });
        }));
        app.MapGet("/api/boards", (HttpContext context) => Results.Json(services.Boards.All().Select(b => new { id = b.Id, size = b.Size, members = b.Members })));
        app.MapPost("/api/boards", (HttpContext context, NewBoard n) => Administrator(context, admin =>
        {
            var board = services.Boards.Create(n.Id ?? string.Empty, n.Members ?? [], admin.Name);
            return Results.Json(new { id = board.Id, size = board.Size, members = board.Members });
        }));
    }

    private static IResult Administrator(HttpContext context, Func<Account, IResult> action)
    {
        var account = RequestGuard.SessionOf(context)!.Account;
        if (account.Role != Role.Administrator)
        {
            return Results.Json(new { error = "only an administrator may do this" }, statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return action(account);
        }
        catch (BoardException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
