using CentralCount.Tests;

namespace CentralCount.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Info_names_the_opencv_version()
    {
        var (code, output, _) = CliRunner.Run("info");
        Assert.Equal(0, code);
        Assert.Contains("OpenCV      4.6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_image_reads_a_real_scan_and_refuses_a_text_file_with_exit_code_2()
    {
        var notes = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.jpg");
        File.WriteAllText(notes, "not an image");
        try
        {
            var (code, output, error) = CliRunner.Run("inspect-image", TestPaths.Hudson("scan-marked-front.jpeg"), notes);
            Assert.Equal(2, code);
            Assert.Contains("scan-marked-front.jpeg: Jpeg, 1696 x 2800", output, StringComparison.Ordinal);
            Assert.Contains("not a PNG, JPEG or TIFF image", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notes);
        }
    }

    [Fact]
    public void Demo_scans_a_deck_into_a_fresh_store_and_its_tallies_match_the_truth()
    {
        var output = Directory.CreateTempSubdirectory("demo");
        try
        {
            var (code, text, error) = CliRunner.Run("demo", "--out", output.FullName, "--sheets", "12");
            Assert.True(code == 0, text + error);
            Assert.Contains("Every vote the machine counted equals the deck's truth", text, StringComparison.Ordinal);
            Assert.Contains("Board queue:", text, StringComparison.Ordinal);
            Assert.Contains("chain intact", text, StringComparison.Ordinal);
            Assert.Contains("All checks passed", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output.FullName, "count.db")));

            // The README's main job run again in the same place starts afresh over what the first left.
            var (again, againText, againError) = CliRunner.Run("demo", "--out", output.FullName, "--sheets", "12");
            Assert.True(again == 0, againText + againError);
            Assert.Contains("All checks passed", againText, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(true);
        }
    }

    [Fact]
    public void A_folder_that_cannot_be_made_gets_one_line_naming_it_and_exit_code_2()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"blocker-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where a folder should go");
        try
        {
            var sample = Path.Combine(TestPaths.RepoRoot, "samples", "montana-general-2026.json");
            var (code, _, error) = CliRunner.Run("testdeck", "render", "--election", sample, "--out", Path.Combine(blocker, "pages"));
            Assert.Equal(2, code);
            Assert.StartsWith("centralcount: ", error, StringComparison.Ordinal);
            Assert.Contains(blocker, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Theory]
    [InlineData("tally")]
    [InlineData("reconcile")]
    [InlineData("audit-log verify")]
    [InlineData("export --out OUT")]
    [InlineData("accounts list")]
    [InlineData("serve")]
    public void A_store_path_that_leads_nowhere_is_refused_and_no_store_is_made_there(string command)
    {
        var folder = Directory.CreateTempSubdirectory("nostore");
        try
        {
            var store = Path.Combine(folder.FullName, "count.db");
            var args = command.Replace("OUT", Path.Combine(folder.FullName, "out"), StringComparison.Ordinal).Split(' ').Concat(["--store", store]).ToArray();
            var (code, _, error) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Contains($"{store}: no count store here", error, StringComparison.Ordinal);
            Assert.False(File.Exists(store), "a store was made at the mistyped path");
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public void Export_verify_of_a_folder_that_is_not_there_is_exit_2_and_of_one_without_its_manifest_exit_3()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-export-{Guid.NewGuid():N}");
        var (code, _, error) = CliRunner.Run("export", "verify", missing);
        Assert.Equal(2, code);
        Assert.Contains($"{missing}: no such folder", error, StringComparison.Ordinal);

        var empty = Directory.CreateTempSubdirectory("empty-export");
        try
        {
            Assert.Equal(3, CliRunner.Run("export", "verify", empty.FullName).ExitCode);
        }
        finally
        {
            empty.Delete(true);
        }
    }

    [Fact]
    public void Interpret_of_a_file_that_is_not_there_is_a_mistake_in_the_command_not_a_rejected_sheet()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jpg");
        var (code, _, error) = CliRunner.Run("interpret", "--election", Path.Combine(TestPaths.RepoRoot, "samples", "montana-general-2026.json"), missing);
        Assert.Equal(2, code);
        Assert.Contains($"{missing}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_keeps_each_image_as_the_scanned_file_itself_or_as_a_copy_when_asked()
    {
        var root = Directory.CreateTempSubdirectory("scankeep");
        try
        {
            var sample = Path.Combine(TestPaths.RepoRoot, "samples", "montana-general-2026.json");
            var deck = Path.Combine(root.FullName, "deck");
            Assert.Equal(0, CliRunner.Run("testdeck", "corpus", "--election", sample, "--out", deck, "--sheets", "2", "--seed", "12").ExitCode);
            var scanned = Directory.GetFiles(deck, "*.jpg").ToDictionary(
                f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), f => f, StringComparer.Ordinal);
            foreach (var (name, copy) in new[] { ("linked", false), ("copied", true) })
            {
                var store = Path.Combine(root.FullName, name, "count.db");
                Assert.Equal(0, CliRunner.Run("election", "load", sample, "--store", store).ExitCode);
                var arguments = new List<string> { "scan", deck, "--store", store, "--batch", "b1" };
                if (copy)
                {
                    arguments.Add("--copy-images");
                }

                Assert.Equal(0, CliRunner.Run([.. arguments]).ExitCode);
                var kept = Directory.GetFiles(Path.Combine(root.FullName, name, "count-images"));
                Assert.Equal(scanned.Count, kept.Length);
                foreach (var image in kept)
                {
                    var source = scanned[Path.GetFileNameWithoutExtension(image)];
                    var same = CentralCount.ScanPipeline.Ingest.FileIdentity.Of(image)!.Value.Inode == CentralCount.ScanPipeline.Ingest.FileIdentity.Of(source)!.Value.Inode;
                    Assert.True(same != copy, $"{name}: {image} and {source}");
                }
            }
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Fact]
    public void Scan_refuses_a_folder_without_images_and_says_when_a_batch_was_already_read()
    {
        var root = Directory.CreateTempSubdirectory("scanmsg");
        try
        {
            var sample = Path.Combine(TestPaths.RepoRoot, "samples", "montana-general-2026.json");
            var store = Path.Combine(root.FullName, "count.db");
            var deck = Path.Combine(root.FullName, "deck");
            var empty = Directory.CreateDirectory(Path.Combine(root.FullName, "empty")).FullName;
            Assert.Equal(0, CliRunner.Run("election", "load", sample, "--store", store).ExitCode);
            Assert.Equal(0, CliRunner.Run("testdeck", "corpus", "--election", sample, "--out", deck, "--sheets", "3", "--seed", "11").ExitCode);

            var (code, _, error) = CliRunner.Run("scan", empty, "--store", store);
            Assert.Equal(2, code);
            Assert.Contains($"{empty}: no ballot images here", error, StringComparison.Ordinal);

            Assert.Equal(0, CliRunner.Run("scan", deck, "--store", store, "--batch", "b1").ExitCode);
            var again = CliRunner.Run("scan", deck, "--store", store, "--batch", "b1");
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("every sheet in this folder (3) was already recorded in batch b1", again.Out, StringComparison.Ordinal);
            Assert.Contains("--rescan", again.Out, StringComparison.Ordinal);
            var rescanned = CliRunner.Run("scan", deck, "--store", store, "--batch", "b1", "--rescan");
            Assert.Contains("batch b1: 3 recorded sheets removed; scanning again", rescanned.Out, StringComparison.Ordinal);
            var first = CliRunner.Run("scan", deck, "--store", store, "--batch", "b3", "--rescan");
            Assert.Contains("batch b3: nothing recorded for it yet", first.Out, StringComparison.Ordinal);

            var batches = CliRunner.Run("batches", "--store", store).Out;
            Assert.DoesNotContain("empty", batches, StringComparison.Ordinal);

            // A mistyped batch, precinct or style is named, never answered with a tally of nothing.
            var batch = CliRunner.Run("tally", "--store", store, "--batch", "b2");
            Assert.Equal(2, batch.ExitCode);
            Assert.Contains("no batch 'b2' in this count; the batches are: b1, b3", batch.Error, StringComparison.Ordinal);
            var precinct = CliRunner.Run("tally", "--store", store, "--precinct", "nowhere");
            Assert.Equal(2, precinct.ExitCode);
            Assert.Contains("no precinct 'nowhere' in this count; the precincts are: ", precinct.Error, StringComparison.Ordinal);
            Assert.Equal(0, CliRunner.Run("tally", "--store", store, "--batch", "b1").ExitCode);

            // A recount over a scope with nothing in it confirms nothing, and says so.
            var recount = CliRunner.Run("recount", "--store", store, "--batch", "b9");
            Assert.Equal(2, recount.ExitCode);
            Assert.Contains("no batch 'b9' in this count", recount.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("as recorded", recount.Out, StringComparison.Ordinal);
            var recounted = CliRunner.Run("recount", "--store", store, "--batch", "b1");
            Assert.True(recounted.ExitCode == 0, recounted.Out + recounted.Error);
            Assert.Contains("every reading and every tally in scope is as recorded", recounted.Out, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Fact]
    public void Election_show_lists_problems_of_a_broken_definition_with_exit_code_2()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, "{ \"format\": \"centralcount-election/1\", \"id\": \"x\" }");
        try
        {
            var (code, _, error) = CliRunner.Run("election", "show", broken);
            Assert.Equal(2, code);
            Assert.Contains("$.title: missing", error, StringComparison.Ordinal);
            Assert.Contains("nothing was loaded", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Interpret_json_gives_side_identity_geometry_and_every_position_of_a_real_scan()
    {
        var (code, output, error) = CliRunner.Run("interpret", "--election", TestPaths.Hudson("election.json"),
            TestPaths.Hudson("scan-marked-rotated-back.jpeg"), TestPaths.Hudson("scan-marked-rotated-front.jpeg"), "--json");
        Assert.True(code == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("read").GetBoolean());
        Assert.True(root.GetProperty("swapped").GetBoolean());
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["front", "back"], pages.Select(p => p.GetProperty("side").GetString()));
        Assert.All(pages, p => Assert.True(p.GetProperty("geometry").GetProperty("upsideDown").GetBoolean()));
        Assert.All(pages, p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("rejectReason").ValueKind));
        var positions = pages.SelectMany(p => p.GetProperty("positions").EnumerateArray()).ToList();
        Assert.Equal(75, positions.Count);
        Assert.Equal(23, positions.Count(p => p.TryGetProperty("writeInIndex", out _)));
        Assert.All(positions, p => Assert.InRange(p.GetProperty("centerPx").GetProperty("x").GetDouble(), 0, 1696));
    }

    [Fact]
    public void Interpret_as_text_names_each_position_as_the_paper_prints_it()
    {
        var (code, output, error) = CliRunner.Run("interpret", "--election", TestPaths.Hudson("election.json"),
            TestPaths.Hudson("scan-marked-front.jpeg"), TestPaths.Hudson("scan-marked-back.jpeg"));
        Assert.True(code == 0, output + error);
        Assert.Contains("Governor: Chris Sununu", output, StringComparison.Ordinal);
        Assert.Matches(@"United States Senator: write-in 1 +at \(", output);
    }

    [Fact]
    public void Interpret_refuses_a_blank_page_with_exit_code_4_and_a_reason()
    {
        var (code, output, _) = CliRunner.Run("interpret", "--election", Path.Combine(TestPaths.RepoRoot, "samples", "montana-general-2026.json"),
            TestPaths.Hudson("scan-unmarked-front.jpeg"), "--json");
        Assert.Equal(4, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("read").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("rejectReason").ValueKind);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var (code, _, _) = CliRunner.Run("no-such-command");
        Assert.Equal(1, code);
    }
}
