using System.CommandLine;
using CentralCount.Election.Layout;
using CentralCount.Imaging;
using CentralCount.TestDeck.Rendering;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount testdeck ...</c>: printable ballots, test decks and golden corpora.</summary>
internal static class TestDeckCommand
{
    public static Command Create()
    {
        var command = new Command("testdeck", "Render blank ballots, generate test decks and golden corpora.");
        var election = new Option<FileInfo>("--election") { Description = "Election definition.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder.", Required = true };
        var dpi = new Option<int>("--dpi") { Description = "Resolution: 200 or 300.", DefaultValueFactory = _ => 200 };
        var format = new Option<string>("--format") { Description = "png, jpeg or tiff (1-bit G4).", DefaultValueFactory = _ => "png" };
        var test = new Option<bool>("--test") { Description = "Print as test ballots (marked TEST, identity code says test)." };
        var render = new Command("render", "Render every page of every ballot style, unmarked, as a printer would print it.") { election, output, dpi, format, test };
        render.SetAction(parse => Render(parse.GetValue(election)!, parse.GetValue(output)!, parse.GetValue(dpi), parse.GetValue(format)!, parse.GetValue(test)));
        command.Subcommands.Add(render);
        return command;
    }

    private static int Render(FileInfo file, DirectoryInfo output, int dpi, string format, bool test)
    {
        if (dpi is not (200 or 300) || format is not ("png" or "jpeg" or "tiff"))
        {
            Console.Error.WriteLine("--dpi must be 200 or 300 and --format png, jpeg or tiff");
            return ExitCodes.Usage;
        }

        var election = ElectionCommand.TryOpen(file);
        if (election is null)
        {
            return ExitCodes.BadInput;
        }

        output.Create();
        using var pool = new PixelMemoryPool();
        var renderer = new BallotRenderer(election, pool);
        var count = 0;
        foreach (var style in election.BallotStyles)
        {
            foreach (var (sheet, page) in style.Pages())
            {
                using var image = renderer.Render(style, sheet, page.Side, new RenderOptions(dpi, test));
                var bytes = format switch
                {
                    "png" => ImageEncoder.EncodePng(image),
                    "jpeg" => ImageEncoder.EncodeJpeg(image, 92),
                    _ => ImageEncoder.EncodeTiffBilevel(image, 160, BilevelCompression.G4, dpi),
                };
                var name = $"{style.Id}-sheet{sheet}-{(page.Side == PageSide.Front ? "front" : "back")}.{(format == "jpeg" ? "jpg" : format == "tiff" ? "tif" : "png")}";
                File.WriteAllBytes(Path.Combine(output.FullName, name), bytes);
                count++;
            }
        }

        Console.WriteLine($"{count} pages written to {output.FullName}");
        return ExitCodes.Success;
    }
}
