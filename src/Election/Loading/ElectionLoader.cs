using System.Text.Json;

namespace CentralCount.Election.Loading;

/// <summary>
/// Loads an election definition in CentralCount's JSON format. Everything is checked first and
/// every problem reported with its JSON path; a definition with any problem is not loaded at all.
/// </summary>
public static class ElectionLoader
{
    public const string FormatTag = "centralcount-election/1";

    public static ElectionDefinition LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ElectionDefinitionException(path, [new DefinitionProblem("$", $"cannot read the file: {e.Message}")]);
        }

        return Load(bytes, path);
    }

    public static ElectionDefinition Load(ReadOnlySpan<byte> bytes, string source)
    {
        ElectionDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, ElectionJsonContext.Default.ElectionDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new ElectionDefinitionException(source, [new DefinitionProblem(e.Path ?? "$", $"not valid JSON for an election definition{where}: {FirstSentence(e.Message)}")]);
        }

        if (document is null)
        {
            throw new ElectionDefinitionException(source, [new DefinitionProblem("$", "the file holds null, not an election definition")]);
        }

        return Load(document, ElectionHash.Of(bytes), source);
    }

    /// <summary>Checks and builds a parsed document; importers use it so imports get the same checks.</summary>
    internal static ElectionDefinition Load(ElectionDocument document, ElectionHash hash, string source)
    {
        var reader = new DefinitionReader(hash);
        var election = reader.Read(document);
        if (reader.Problems.Count > 0 || election is null)
        {
            throw new ElectionDefinitionException(source, reader.Problems);
        }

        return election;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
