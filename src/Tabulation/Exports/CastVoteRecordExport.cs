using System.Globalization;
using System.Text.Json;
using CentralCount.Election;
using CentralCount.ScanPipeline.Pipeline;
using CentralCount.ScanPipeline.Store;

namespace CentralCount.Tabulation.Exports;

/// <summary>
/// NIST SP 1500-103 cast vote records (JSON, version 1.0.0): one CVR per counted sheet with its
/// images (SHA-256 and location), batch, place in the batch, scanning station and ballot style,
/// and three snapshots: <c>original</c> (every position as scanned, with its fill as the mark
/// metric; marks the machine would not call are HasIndication "unknown"), <c>modified</c> (each
/// contest after Montana's rules, questionable ones marked for adjudication) and
/// <c>interpreted</c> (after the board, with an annotation naming the board's members and the
/// time for each contest it decided). Written as a stream: any number of sheets in bounded memory.
/// </summary>
public static class CastVoteRecordExport
{
    public const string DeviceId = "centralcount";

    public static void Write(Stream output, ElectionDefinition election, IEnumerable<StoredSheet> sheets, IReadOnlyList<string> stations, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(stations);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("@type", "CVR.CastVoteRecordReport");
        w.WriteString("Version", "1.0.0");
        w.WriteString("GeneratedDate", generated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteStartArray("ReportType");
        w.WriteStringValue("originating-device-export");
        w.WriteStringValue("adjudicated");
        w.WriteEndArray();
        w.WriteStartArray("ReportGeneratingDeviceIds");
        w.WriteStringValue(DeviceId);
        w.WriteEndArray();
        w.WriteStartArray("ReportingDevice");
        Device(w, DeviceId, "the count's tabulation and adjudication engine");
        foreach (var station in stations.Where(s => s != DeviceId).Distinct(StringComparer.Ordinal))
        {
            Device(w, station, "scanning station");
        }

        w.WriteEndArray();
        ElectionParts.WriteGpUnits(w, election, "CVR");
        ElectionParts.WriteParties(w, election, "CVR");
        WriteElection(w, election);
        w.WriteStartArray("CVR");
        foreach (var sheet in sheets)
        {
            WriteCvr(w, election, sheet);
            if (w.BytesPending > 1 << 20)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Device(Utf8JsonWriter w, string id, string role)
    {
        w.WriteStartObject();
        w.WriteString("@id", id);
        w.WriteString("@type", "CVR.ReportingDevice");
        w.WriteString("Application", "CentralCount");
        w.WriteString("Model", role);
        w.WriteString("MarkMetricType", "fill: the share of the oval covered by the voter's ink, 0 to 1");
        w.WriteEndObject();
    }

    private static void WriteElection(Utf8JsonWriter w, ElectionDefinition e)
    {
        w.WriteStartArray("Election");
        w.WriteStartObject();
        w.WriteString("@id", e.Id);
        w.WriteString("@type", "CVR.Election");
        w.WriteString("Name", e.Title);
        w.WriteString("ElectionScopeId", ElectionParts.CountyId(e));
        w.WriteStartArray("Candidate");
        foreach (var c in e.Contests.OfType<CandidateContest>())
        {
            foreach (var k in c.Candidates)
            {
                w.WriteStartObject();
                w.WriteString("@id", k.Id);
                w.WriteString("@type", "CVR.Candidate");
                w.WriteString("Name", k.Name);
                if (k.PartyIds.Count > 0)
                {
                    w.WriteString("PartyId", k.PartyIds[0]);
                }

                w.WriteEndObject();
            }

            foreach (var d in c.DeclaredWriteIns)
            {
                w.WriteStartObject();
                w.WriteString("@id", d.Id);
                w.WriteString("@type", "CVR.Candidate");
                w.WriteString("Name", d.Name);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("Contest");
        foreach (var c in e.Contests)
        {
            w.WriteStartObject();
            w.WriteString("@id", c.Id);
            w.WriteString("Name", c.Title);
            w.WriteStartArray("ContestSelection");
            switch (c)
            {
                case CandidateContest cc:
                    foreach (var k in cc.Candidates)
                    {
                        Selection(w, k.Id, k.Id, false);
                    }

                    foreach (var d in cc.DeclaredWriteIns)
                    {
                        Selection(w, d.Id, d.Id, true);
                    }

                    for (var i = 0; i < cc.WriteInSlots; i++)
                    {
                        Selection(w, CvrIds.WriteInSelection(cc.Id, i), null, true);
                    }

                    break;
                case MeasureContest m:
                    foreach (var o in new[] { m.Yes, m.No })
                    {
                        w.WriteStartObject();
                        w.WriteString("@id", o.Id);
                        w.WriteString("@type", "CVR.BallotMeasureSelection");
                        w.WriteString("Selection", o.Label);
                        w.WriteEndObject();
                    }

                    break;
            }

            w.WriteEndArray();
            if (c is CandidateContest candidates)
            {
                w.WriteString("@type", "CVR.CandidateContest");
                w.WriteNumber("VotesAllowed", candidates.VoteFor);
                w.WriteNumber("NumberElected", candidates.Seats);
                w.WriteString("VoteVariation", candidates.VoteFor == 1 ? "plurality" : "n-of-m");
                if (candidates.PartyId is { } party)
                {
                    w.WriteString("PrimaryPartyId", party);
                }
            }
            else
            {
                w.WriteString("@type", "CVR.BallotMeasureContest");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Selection(Utf8JsonWriter w, string id, string? candidate, bool writeIn)
    {
        w.WriteStartObject();
        w.WriteString("@id", id);
        w.WriteString("@type", "CVR.CandidateSelection");
        if (candidate is not null)
        {
            w.WriteStartArray("CandidateIds");
            w.WriteStringValue(candidate);
            w.WriteEndArray();
        }

        if (writeIn)
        {
            w.WriteBoolean("IsWriteIn", true);
        }

        w.WriteEndObject();
    }

    private static void WriteCvr(Utf8JsonWriter w, ElectionDefinition election, StoredSheet sheet)
    {
        w.WriteStartObject();
        w.WriteString("@type", "CVR.CVR");
        w.WriteString("UniqueId", CvrIds.Sheet(sheet.Id));
        w.WriteString("ElectionId", election.Id);
        w.WriteString("BatchId", sheet.BatchId);
        w.WriteNumber("BatchSequenceId", sheet.Seq);
        w.WriteString("CreatingDeviceId", sheet.Station);
        if (sheet.StyleId is { } style)
        {
            w.WriteString("BallotStyleId", style);
        }

        if (sheet.PrecinctId is { } precinct)
        {
            w.WriteString("BallotStyleUnitId", precinct);
        }

        w.WriteStartArray("BallotImage");
        foreach (var (image, file) in new[] { (sheet.FrontImage, sheet.FrontFile), (sheet.BackImage, sheet.BackFile) })
        {
            if (image is null)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("@type", "CVR.ImageData");
            w.WriteStartObject("Hash");
            w.WriteString("@type", "CVR.Hash");
            w.WriteString("Type", "sha-256");
            w.WriteString("Value", Path.GetFileNameWithoutExtension(image));
            w.WriteEndObject();
            w.WriteString("Location", $"images/{image} (scanned as {file})");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("CurrentSnapshotId", CvrIds.Snapshot(sheet.Id, "interpreted"));
        w.WriteStartArray("CVRSnapshot");
        var positions = sheet.Reading is null ? [] : ReadPosition.Parse(sheet.Reading);
        WriteOriginal(w, sheet, positions);
        WriteContests(w, election, sheet, positions, adjudicated: false);
        WriteContests(w, election, sheet, positions, adjudicated: true);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOriginal(Utf8JsonWriter w, StoredSheet sheet, List<ReadPosition> positions)
    {
        w.WriteStartObject();
        w.WriteString("@id", CvrIds.Snapshot(sheet.Id, "original"));
        w.WriteString("@type", "CVR.CVRSnapshot");
        w.WriteString("Type", "original");
        w.WriteStartArray("CVRContest");
        foreach (var contest in positions.GroupBy(p => p.ContestId))
        {
            w.WriteStartObject();
            w.WriteString("@type", "CVR.CVRContest");
            w.WriteString("ContestId", contest.Key);
            w.WriteStartArray("CVRContestSelection");
            var option = 0;
            foreach (var p in contest)
            {
                option++;
                var indication = p.MarkClass switch { "filled" => "yes", "empty" => p.WrittenIn ? "unknown" : "no", _ => "unknown" };
                w.WriteStartObject();
                w.WriteString("@type", "CVR.CVRContestSelection");
                w.WriteString("ContestSelectionId", p.OptionId ?? CvrIds.WriteInSelection(p.ContestId, p.WriteInIndex!.Value));
                w.WriteNumber("OptionPosition", option);
                w.WriteStartArray("SelectionPosition");
                w.WriteStartObject();
                w.WriteString("@type", "CVR.SelectionPosition");
                w.WriteNumber("Position", option);
                w.WriteString("HasIndication", indication);
                w.WriteNumber("NumberVotes", indication == "yes" ? 1 : 0);
                w.WriteString("IsAllocable", "unknown");
                w.WriteStartArray("MarkMetricValue");
                w.WriteStringValue(p.Fill.ToString("0.000", CultureInfo.InvariantCulture));
                w.WriteEndArray();
                if (p.MarkClass is not ("filled" or "empty"))
                {
                    w.WriteStartArray("Status");
                    w.WriteStringValue("other");
                    w.WriteEndArray();
                    w.WriteString("OtherStatus", $"mark class: {p.MarkClass}");
                }

                if (p.WrittenIn)
                {
                    w.WriteStartObject("CVRWriteIn");
                    w.WriteString("@type", "CVR.CVRWriteIn");
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContests(Utf8JsonWriter w, ElectionDefinition election, StoredSheet sheet, List<ReadPosition> positions, bool adjudicated)
    {
        var type = adjudicated ? "interpreted" : "modified";
        w.WriteStartObject();
        w.WriteString("@id", CvrIds.Snapshot(sheet.Id, type));
        w.WriteString("@type", "CVR.CVRSnapshot");
        w.WriteString("Type", type);
        if (adjudicated && sheet.Contests.Any(c => c.Adjudication is not null))
        {
            w.WriteStartArray("Annotation");
            foreach (var c in sheet.Contests.Where(c => c.Adjudication is not null))
            {
                var a = c.Adjudication!;
                w.WriteStartObject();
                w.WriteString("@type", "CVR.Annotation");
                w.WriteStartArray("AdjudicatorName");
                a.Members.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteStartArray("Message");
                w.WriteStringValue($"{c.ContestId}: decided by board {a.BoardId} by majority (ARM 44.3.2402(1)){(c.Clause is { } clause ? $"; questionable under ARM 44.3.{clause}" : string.Empty)}");
                w.WriteEndArray();
                w.WriteString("TimeStamp", a.DecidedAt);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("CVRContest");
        foreach (var c in sheet.Contests)
        {
            var contest = election.Contests.FirstOrDefault(x => x.Id == c.ContestId);
            var allowed = contest?.VoteFor ?? 1;
            var (outcome, votes) = adjudicated ? (c.CurrentOutcome, c.CurrentVotes) : (c.Outcome, c.Votes);
            w.WriteStartObject();
            w.WriteString("@type", "CVR.CVRContest");
            w.WriteString("ContestId", c.ContestId);
            switch (outcome)
            {
                case "overvote":
                    w.WriteNumber("Overvotes", allowed);
                    Status(w, "overvoted", null);
                    break;
                case "undervote":
                    w.WriteNumber("Undervotes", allowed);
                    Status(w, "undervoted", null);
                    break;
                case "board":
                    Status(w, "other", $"needs-adjudication: ARM 44.3.{c.Clause}; suggested {c.SuggestedOutcome}");
                    break;
                case "not-valid":
                    Status(w, "other", "not-valid: no majority of the board found the voter's intent clear (ARM 44.3.2402(1)(b))");
                    break;
                default:
                    w.WriteNumber("Undervotes", Math.Max(0, allowed - votes.Count));
                    w.WriteNumber("Selections", votes.Count);
                    break;
            }

            w.WriteStartArray("CVRContestSelection");
            if (outcome == "counted")
            {
                foreach (var vote in votes)
                {
                    var read = positions.FirstOrDefault(p => p.ContestId == c.ContestId && (p.OptionId == vote || (p.WriteInIndex is { } slot && vote == $"write-in:{slot}")));
                    w.WriteStartObject();
                    w.WriteString("@type", "CVR.CVRContestSelection");
                    w.WriteString("ContestSelectionId", CvrIds.Selection(c.ContestId, vote));
                    w.WriteNumber("TotalNumberVotes", 1);
                    w.WriteStartArray("SelectionPosition");
                    w.WriteStartObject();
                    w.WriteString("@type", "CVR.SelectionPosition");
                    w.WriteString("HasIndication", read?.MarkClass == "filled" ? "yes" : "unknown");
                    w.WriteNumber("NumberVotes", 1);
                    w.WriteString("IsAllocable", "yes");
                    if (adjudicated && c.Adjudication is not null)
                    {
                        w.WriteStartArray("Status");
                        w.WriteStringValue("adjudicated");
                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter w, string status, string? other)
    {
        w.WriteStartArray("Status");
        w.WriteStringValue(status);
        w.WriteEndArray();
        if (other is not null)
        {
            w.WriteString("OtherStatus", other);
        }
    }
}
