using System.Text;
using CentralCount.Election.Loading;
using CentralCount.Election.VxSuite;

namespace CentralCount.Election;

/// <summary>Opens an election file in either of the formats the engine reads: its own, or a VxSuite grid-layout election.</summary>
public static class ElectionFiles
{
    public static ElectionDefinition Open(string path)
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

        return Read(bytes, path);
    }

    /// <summary>Reads an election from its file's bytes; <paramref name="name"/> is used in messages.</summary>
    public static ElectionDefinition Read(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var path = name;
        // Our files carry a format tag near the top; VxSuite's carry gridLayouts and no tag.
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return head.Contains(ElectionLoader.FormatTag, StringComparison.Ordinal) || !Encoding.UTF8.GetString(bytes).Contains("\"gridLayouts\"", StringComparison.Ordinal)
            ? ElectionLoader.Load(bytes, path)
            : VxSuiteImporter.Import(bytes, path);
    }
}
