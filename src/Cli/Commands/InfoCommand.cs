using System.CommandLine;
using System.Reflection;
using CentralCount.Imaging;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount info</c>: versions of the engine and of the native imaging it runs on.</summary>
internal static class InfoCommand
{
    /// <summary>The engine and its version, as reports name what produced them.</summary>
    public static string Engine => "CentralCount " + (typeof(InfoCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    public static Command Create()
    {
        var command = new Command("info", "Show the engine version and the native imaging libraries in use.");
        command.SetAction(_ =>
        {
            Console.WriteLine(Engine);
            Console.WriteLine($".NET        {Environment.Version}");
            Console.WriteLine($"OpenCV      {NativeLibraryInfo.OpenCvVersion} (decode, encode, components, drawing)");
            Console.WriteLine($"Processors  {Environment.ProcessorCount}");
            return ExitCodes.Success;
        });
        return command;
    }
}
