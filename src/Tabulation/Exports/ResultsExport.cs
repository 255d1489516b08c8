using System.Globalization;
using System.Text.Json;
using CentralCount.Election;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// Results as NIST SP 1500-100 (version 2) JSON: per contest and option the votes county-wide and
/// per precinct, with overvotes, undervotes and unmatched write-ins as other counts. The report
/// is "unofficial-partial" while any contest waits on the board, else "unofficial-complete";
/// certification is the canvass board's act, not the machine's.
/// </summary>
public static class ResultsExport
{
    public static void Write(Stream output, ElectionDefinition election, IReadOnlyList<RecordedContest> contests, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(contests);
        var county = ElectionParts.CountyId(election);
        var total = TallyContests.From(election, contests);
        var byPrecinct = election.Precincts
            .Select(p => (p.Id, Tallies: TallyContests.From(election, contests, r => r.PrecinctId == p.Id)))
            .Where(p => p.Tallies.Any(t => t.Ballots > 0))
            .ToList();
        var units = new[] { (Id: county, Tallies: total) }.Concat(byPrecinct.Select(p => (p.Id, p.Tallies))).ToList();

        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("@type", "ElectionResults.ElectionReport");
        w.WriteString("Format", "precinct-level");
        w.WriteString("GeneratedDate", generated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("Issuer", $"{election.Jurisdiction.County} election administrator, {election.Jurisdiction.State}");
        w.WriteString("IssuerAbbreviation", county);
        w.WriteNumber("SequenceStart", 1);
        w.WriteNumber("SequenceEnd", 1);
        w.WriteString("Status", total.Any(t => t.Unofficial) ? "unofficial-partial" : "unofficial-complete");
        w.WriteString("VendorApplicationId", "CentralCount");
        w.WriteStartArray("GpUnit");
        Unit(w, county, $"{election.Jurisdiction.County}, {election.Jurisdiction.State}", "county", null);
        foreach (var d in election.Districts)
        {
            Unit(w, d.Id, d.Name, "other", "district");
        }

        foreach (var p in election.Precincts)
        {
            Unit(w, p.Id, p.Name, "precinct", null);
        }

        w.WriteEndArray();
        if (election.Parties.Count > 0)
        {
            w.WriteStartArray("Party");
            foreach (var p in election.Parties)
            {
                w.WriteStartObject();
                w.WriteString("@id", p.Id);
                w.WriteString("@type", "ElectionResults.Party");
                Text(w, "Name", p.Name);
                Text(w, "Abbreviation", p.Abbreviation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("Election");
        w.WriteStartObject();
        w.WriteString("@type", "ElectionResults.Election");
        Text(w, "Name", election.Title);
        w.WriteString("ElectionScopeId", county);
        var date = election.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString("StartDate", date);
        w.WriteString("EndDate", date);
        w.WriteString("Type", election.Kind == ElectionKind.Primary ? "primary" : "general");
        w.WriteStartArray("BallotCounts");
        foreach (var (id, tallies) in units)
        {
            w.WriteStartObject();
            w.WriteString("@type", "ElectionResults.BallotCounts");
            w.WriteString("GpUnitId", id);
            w.WriteString("Type", "total");
            w.WriteNumber("BallotsCast", tallies.Count == 0 ? 0 : tallies.Max(t => t.Ballots));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteCandidates(w, election);
        w.WriteStartArray("Contest");
        foreach (var contest in election.Contests)
        {
            WriteContest(w, contest, units.Select(u => (u.Id, u.Tallies.Single(t => t.ContestId == contest.Id))).ToList());
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCandidates(Utf8JsonWriter w, ElectionDefinition election)
    {
        w.WriteStartArray("Candidate");
        foreach (var c in election.Contests.OfType<CandidateContest>())
        {
            foreach (var (id, name, party) in c.Candidates.Select(k => (k.Id, k.Name, k.PartyIds.Count > 0 ? k.PartyIds[0] : null)).Concat(c.DeclaredWriteIns.Select(d => (d.Id, d.Name, (string?)null))))
            {
                w.WriteStartObject();
                w.WriteString("@id", id);
                w.WriteString("@type", "ElectionResults.Candidate");
                Text(w, "BallotName", name);
                if (party is not null)
                {
                    w.WriteString("PartyId", party);
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static void WriteContest(Utf8JsonWriter w, Contest contest, List<(string Unit, ContestTally Tally)> tallies)
    {
        w.WriteStartObject();
        w.WriteString("@id", contest.Id);
        w.WriteString("@type", contest is CandidateContest ? "ElectionResults.CandidateContest" : "ElectionResults.BallotMeasureContest");
        w.WriteString("Name", contest.Title);
        w.WriteString("ElectionDistrictId", contest.DistrictId);
        if (contest is CandidateContest cc)
        {
            w.WriteNumber("VotesAllowed", cc.VoteFor);
            w.WriteNumber("NumberElected", cc.Seats);
        }

        w.WriteStartArray("ContestSelection");
        var options = tallies[0].Tally.Options;
        for (var i = 0; i < options.Count; i++)
        {
            var (id, label, _) = options[i];
            w.WriteStartObject();
            w.WriteString("@id", $"{contest.Id}-sel-{id}");
            if (contest is CandidateContest c)
            {
                w.WriteString("@type", "ElectionResults.CandidateSelection");
                w.WriteStartArray("CandidateIds");
                w.WriteStringValue(id);
                w.WriteEndArray();
                if (c.DeclaredWriteIns.Any(d => d.Id == id))
                {
                    w.WriteBoolean("IsWriteIn", true);
                }
            }
            else
            {
                w.WriteString("@type", "ElectionResults.BallotMeasureSelection");
                Text(w, "Selection", label);
            }

            w.WriteNumber("SequenceOrder", i + 1);
            w.WriteStartArray("VoteCounts");
            foreach (var (unit, tally) in tallies)
            {
                w.WriteStartObject();
                w.WriteString("@type", "ElectionResults.VoteCounts");
                w.WriteString("GpUnitId", unit);
                w.WriteString("Type", "total");
                w.WriteNumber("Count", tally.Options[i].Votes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("OtherCounts");
        foreach (var (unit, tally) in tallies)
        {
            w.WriteStartObject();
            w.WriteString("@type", "ElectionResults.OtherCounts");
            w.WriteString("GpUnitId", unit);
            w.WriteNumber("Overvotes", tally.Overvotes);
            w.WriteNumber("Undervotes", tally.Undervotes);
            w.WriteNumber("WriteIns", tally.WriteIns);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Unit(Utf8JsonWriter w, string id, string name, string type, string? otherType)
    {
        w.WriteStartObject();
        w.WriteString("@id", id);
        w.WriteString("@type", "ElectionResults.ReportingUnit");
        Text(w, "Name", name);
        w.WriteString("Type", type);
        if (otherType is not null)
        {
            w.WriteString("OtherType", otherType);
        }

        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string property, string text)
    {
        w.WriteStartObject(property);
        w.WriteString("@type", "ElectionResults.InternationalizedText");
        w.WriteStartArray("Text");
        w.WriteStartObject();
        w.WriteString("@type", "ElectionResults.LanguageString");
        w.WriteString("Content", text);
        w.WriteString("Language", "en");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
