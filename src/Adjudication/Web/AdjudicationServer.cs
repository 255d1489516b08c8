using System.Net;
using CentralCount.Adjudication.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralCount.Adjudication.Web;

/// <summary>
/// The board service: Kestrel on the loopback address (or the address it is told), the guard in
/// front of every request, the pages and the API. It makes no outbound connection of any kind.
/// </summary>
public static class AdjudicationServer
{
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Address, out var address))
        {
            throw new BoardException($"'{options.Address}' is not an IP address to listen on (the default is 127.0.0.1; give this machine's address on the counting center's network to serve other stations)");
        }

        var services = new BoardServices(BoardDatabase.Open(options.StorePath, options.Clock), options.PasswordIterations);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(AdjudicationServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Services.AddSingleton(services);
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(services.Dispose);
        app.Use((context, next) => RequestGuard.Run(context, () => next(context), services));
        PageEndpoints.Map(app, services);
        AccountEndpoints.Map(app, services);
        QueueEndpoints.Map(app, services);
        return app;
    }
}
