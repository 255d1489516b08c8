using System.Globalization;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Images;
using CentralCount.Adjudication.Queue;
using CentralCount.Election;
using CentralCount.Election.Rules;

namespace CentralCount.Adjudication.Web;

/// <summary>The JSON shapes the web application shows: an item with its contest, clause, evidence and crop; outcomes in words.</summary>
public static class ItemView
{
    public static object Describe(ElectionDefinition election, QueueItem item, CropPlan? plan, string? cropProblem, int boardSize)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(item);
        var contest = election.Contest(item.Key.ContestId);
        var clause = item.Clause is null ? null : MontanaRules.Get(item.Clause);
        var labels = Labels(election, contest);
        var drawn = plan?.Positions.ToDictionary(p => p.Reading);
        return new
        {
            key = new { sheetId = item.Key.SheetId, contestId = item.Key.ContestId },
            sheet = new { batchId = item.BatchId, seq = item.Seq, frontFile = item.FrontFile, backFile = item.BackFile, styleId = item.StyleId },
            contest = new
            {
                id = contest.Id,
                title = contest.Title,
                voteFor = contest.VoteFor,
                options = contest.OptionIds.Select(o => new { id = o, label = labels.GetValueOrDefault(o, o) }),
                writeInSlots = contest is CandidateContest c ? c.WriteInSlots : 0,
                declaredWriteIns = contest is CandidateContest d ? d.DeclaredWriteIns.Select(w => w.Name) : [],
            },
            clause = clause is null ? null : new { id = clause.Id, citation = clause.Citation, situation = clause.Situation, direction = clause.Direction },
            suggestion = new { outcome = item.SuggestedOutcome, text = SuggestionText(item, labels) },
            positions = item.Positions.Select(p =>
            {
                var at = drawn?.GetValueOrDefault(p);
                return new
                {
                    optionId = p.OptionId,
                    writeInIndex = p.WriteInIndex,
                    label = p.OptionId is { } o ? labels.GetValueOrDefault(o, o) : $"Write-in {p.WriteInIndex + 1}",
                    markClass = p.MarkClass,
                    fill = Math.Round(p.Fill, 3),
                    writtenIn = p.WrittenIn,
                    x = at?.X,
                    y = at?.Y,
                    rx = at?.RadiusX,
                    ry = at?.RadiusY,
                    writeInArea = at?.WriteInArea is { } a ? new { x = a.X, y = a.Y, w = a.Width, h = a.Height } : null,
                };
            }),
            crop = plan is null ? null : new
            {
                url = $"/api/items/{item.Key.SheetId}/{Uri.EscapeDataString(item.Key.ContestId)}/crop.png",
                width = plan.Rect.Width,
                height = plan.Rect.Height,
                upsideDown = plan.UpsideDown,
            },
            cropProblem,
            pageUrl = $"/api/items/{item.Key.SheetId}/{Uri.EscapeDataString(item.Key.ContestId)}/page.jpg",
            board = item.ClaimedBy,
            boardSize,
            decisionsRecorded = item.Decisions,
            settled = item.Adjudicated is { } s ? OutcomeText(s, labels) : null,
        };
    }

    /// <summary>An outcome in words, as a board member would say it.</summary>
    public static string OutcomeText(BoardOutcome outcome, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(labels);
        return outcome.Kind switch
        {
            BoardOutcomeKind.Counted => "Vote for " + string.Join(", ", outcome.Votes.Select(v => labels.GetValueOrDefault(v, v))),
            BoardOutcomeKind.Undervote => "No vote in this contest (undervote)",
            BoardOutcomeKind.Overvote => "Overvote: no vote counts in this contest",
            _ => "Not valid: the voter's intent is not clear",
        };
    }

    /// <summary>Every id a vote can name in the contest, with what to call it.</summary>
    public static IReadOnlyDictionary<string, string> Labels(ElectionDefinition election, Contest contest)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(contest);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (contest)
        {
            case CandidateContest c:
                foreach (var k in c.Candidates)
                {
                    var parties = string.Join("/", k.PartyIds.Select(p => election.Parties.FirstOrDefault(x => x.Id == p)?.Abbreviation ?? p));
                    labels[k.Id] = parties.Length > 0 ? $"{k.Name} ({parties})" : k.Name;
                }

                foreach (var d in c.DeclaredWriteIns)
                {
                    labels[d.Id] = $"{d.Name} (declared write-in)";
                }

                for (var i = 0; i < c.WriteInSlots; i++)
                {
                    labels[ContestOutcome.WriteInVote(i)] = $"Write-in {(i + 1).ToString(CultureInfo.InvariantCulture)} (name to be read)";
                }

                break;
            case MeasureContest m:
                labels[m.Yes.Id] = m.Yes.Label;
                labels[m.No.Id] = m.No.Label;
                break;
        }

        return labels;
    }

    private static string SuggestionText(QueueItem item, IReadOnlyDictionary<string, string> labels) => item.SuggestedOutcome switch
    {
        "counted" => "Count a vote for " + string.Join(", ", item.SuggestedVotes.Select(v => labels.GetValueOrDefault(v, v))),
        "undervote" => "Designate an undervote (no vote in this contest)",
        "overvote" => "Designate an overvote (no vote counts)",
        null => "No suggestion",
        var other => other,
    };
}
