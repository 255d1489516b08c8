using CentralCount.Election;
using CentralCount.TestDeck.Design;
using FsCheck;
using FsCheck.Fluent;

namespace CentralCount.TestDeck.Tests;

public sealed class LayoutPropertyTests
{
    [Fact]
    public void Planned_positions_lie_inside_their_page_and_contest_box_and_never_overlap()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var election = BallotLayoutPlanner.Plan(RandomContent(new Random(seed)));
            foreach (var style in election.BallotStyles)
            {
                var format = election.PageFormat(style.PageFormatId);
                foreach (var (_, page) in style.Pages())
                {
                    foreach (var p in page.Positions)
                    {
                        var inches = format.Grid.ToInches(p.Center);
                        var box = page.ContestBoxes.Single(b => b.ContestId == p.ContestId).Bounds;
                        if (inches.X <= 0 || inches.Y <= 0 || inches.X >= format.WidthInches || inches.Y >= format.HeightInches || !box.Contains(p.Center))
                        {
                            return false.Label($"{p} outside its page or box");
                        }
                    }

                    var boxes = page.ContestBoxes;
                    for (var i = 0; i < boxes.Count; i++)
                    {
                        for (var j = i + 1; j < boxes.Count; j++)
                        {
                            if (boxes[i].Bounds.Overlaps(boxes[j].Bounds))
                            {
                                return false.Label($"{boxes[i].ContestId} overlaps {boxes[j].ContestId}");
                            }
                        }
                    }

                    var positions = page.Positions;
                    for (var i = 0; i < positions.Count; i++)
                    {
                        for (var j = i + 1; j < positions.Count; j++)
                        {
                            var a = format.Grid.ToInches(positions[i].Center);
                            var b = format.Grid.ToInches(positions[j].Center);
                            if (Math.Abs(a.X - b.X) < format.BubbleWidthInches && Math.Abs(a.Y - b.Y) < format.BubbleHeightInches)
                            {
                                return false.Label($"{positions[i]} overlaps {positions[j]}");
                            }
                        }
                    }
                }
            }

            return true.ToProperty();
        }).QuickCheckThrowOnFailure();
    }

    private static BallotContent RandomContent(Random random)
    {
        var contests = new List<Contest>();
        var count = random.Next(1, 30);
        for (var i = 0; i < count; i++)
        {
            var title = string.Join(' ', Enumerable.Range(0, random.Next(1, 9)).Select(_ => "Commissioner"));
            if (random.Next(4) == 0)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(5, 120)).Select(_ => "levy"));
                contests.Add(new MeasureContest($"m{i}", title, "d", MeasureKind.BallotIssue, text, new MeasureOption($"m{i}-y", "YES"), new MeasureOption($"m{i}-n", "NO")));
            }
            else
            {
                var candidates = Enumerable.Range(0, random.Next(1, 9)).Select(k => new Candidate($"c{i}-{k}", $"Candidate Number {k} With A Long Name", [])).ToList();
                var seats = random.Next(1, candidates.Count + 1);
                contests.Add(new CandidateContest($"c{i}", title, "d", null, seats, candidates, random.Next(0, seats + 1), []));
            }
        }

        var precinct = new Precinct("p", "P", ["d"]);
        return new BallotContent("random", "Random", new Jurisdiction("Montana", "County"), new DateOnly(2026, 11, 3), ElectionKind.General, [],
            [new District("d", "D")], [precinct], contests, [new StyleSpec("s", ["p"], null, [.. contests.Select(c => c.Id)], random.Next(5))]);
    }
}
