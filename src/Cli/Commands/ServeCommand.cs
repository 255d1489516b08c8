using System.CommandLine;
using CentralCount.Adjudication.Store;
using CentralCount.Adjudication.Web;
using CentralCount.ScanPipeline.Store;
using Microsoft.AspNetCore.Builder;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount serve</c>: the adjudication board's web application over the count store.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var listen = new Option<string>("--listen") { Description = "The address to listen on. Default 127.0.0.1 (this machine only); give this machine's address on the counting center's own network to serve other board stations.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The port. Default 8080.", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Start the board's web application: sign-in, the queue of questionable votes, decisions by majority, progress and tallies.") { store, listen, port };
        command.SetAction((parse, cancel) => Run(parse.GetValue(store)!, parse.GetValue(listen)!, parse.GetValue(port), cancel));
        return command;
    }

    private static async Task<int> Run(FileInfo storeFile, string listen, int port, CancellationToken cancel)
    {
        if (!StoreOption.Exists(storeFile))
        {
            return ExitCodes.BadInput;
        }

        WebApplication app;
        try
        {
            using (var db = BoardDatabase.Open(storeFile.FullName))
            {
                if (!new AccountStore(db).AnyAdministrator())
                {
                    Console.Error.WriteLine($"{storeFile.FullName}: no administrator account yet. Create one first:");
                    Console.Error.WriteLine($"  centralcount accounts add --store {storeFile} --role administrator --name NAME");
                    return ExitCodes.BadInput;
                }
            }

            app = AdjudicationServer.Build(new ServerOptions(storeFile.FullName, listen, port));
        }
        catch (Exception e) when (e is CountStoreException or BoardException)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }

        try
        {
            await app.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"cannot listen on {listen}:{port}: {e.Message} (is another service using the port? try --port)");
            return ExitCodes.BadInput;
        }

        Console.WriteLine($"Board service for {storeFile.FullName}");
        Console.WriteLine($"  open http://{(listen.Contains(':', StringComparison.Ordinal) ? $"[{listen}]" : listen)}:{port}/ in the board stations' browsers");
        Console.WriteLine(listen == "127.0.0.1" ? "  listening on this machine only" : $"  listening on {listen}: keep that network closed (ARM 44.3.2905)");
        Console.WriteLine("  press Ctrl+C to stop");
        try
        {
            await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
