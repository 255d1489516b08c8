using System.Text.Json;
using CentralCount.Election;

namespace CentralCount.Tabulation.Exports;

/// <summary>The parts of a NIST report that describe the election rather than the ballots: the county and its precincts, the parties.</summary>
public static class ElectionParts
{
    /// <summary>The id the county goes by in our reports.</summary>
    public static string CountyId(ElectionDefinition election)
    {
        ArgumentNullException.ThrowIfNull(election);
        return "county-" + new string([.. election.Jurisdiction.County.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
    }

    /// <summary>CVR GpUnits: the county, then each precinct.</summary>
    public static void WriteGpUnits(Utf8JsonWriter w, ElectionDefinition election, string prefix)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(election);
        w.WriteStartArray("GpUnit");
        w.WriteStartObject();
        w.WriteString("@id", CountyId(election));
        w.WriteString("@type", $"{prefix}.GpUnit");
        w.WriteString("Name", $"{election.Jurisdiction.County}, {election.Jurisdiction.State}");
        w.WriteString("Type", "other");
        w.WriteString("OtherType", "county");
        w.WriteEndObject();
        foreach (var p in election.Precincts)
        {
            w.WriteStartObject();
            w.WriteString("@id", p.Id);
            w.WriteString("@type", $"{prefix}.GpUnit");
            w.WriteString("Name", p.Name);
            w.WriteString("Type", "precinct");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteParties(Utf8JsonWriter w, ElectionDefinition election, string prefix)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(election);
        if (election.Parties.Count == 0)
        {
            return;
        }

        w.WriteStartArray("Party");
        foreach (var p in election.Parties)
        {
            w.WriteStartObject();
            w.WriteString("@id", p.Id);
            w.WriteString("@type", $"{prefix}.Party");
            w.WriteString("Name", p.Name);
            w.WriteString("Abbreviation", p.Abbreviation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
