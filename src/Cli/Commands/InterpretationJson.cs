using System.Text.Json;
using CentralCount.Election.Rules;
using CentralCount.MarkInterpreter.Interpretation;

namespace CentralCount.Cli.Commands;

/// <summary>The interpretation parts of <c>interpret --json</c>: per position class and scores, per contest outcome (docs/interpret.md).</summary>
internal static class InterpretationJson
{
    public static void WriteMark(Utf8JsonWriter w, PositionReading reading)
    {
        var e = reading.Evidence;
        w.WriteString("markClass", reading.Mark.Class.Name());
        w.WriteString("hasIndication", reading.Mark.Class switch
        {
            MarkClass.Filled => "yes",
            MarkClass.Empty => "no",
            _ => "unknown",
        });
        w.WriteBoolean("writtenIn", reading.Mark.WrittenIn);
        w.WriteBoolean("wordsBeside", reading.Mark.WordsBeside);
        w.WriteStartObject("scores");
        w.WriteNumber("fill", e.Fill);
        w.WriteNumber("weakestHalf", e.WeakestHalf);
        w.WriteNumber("residue", e.Residue);
        w.WriteNumber("darkness", e.Darkness);
        w.WriteNumber("strokesLeaving", e.Lobes);
        w.WriteNumber("paperLevel", e.PaperLevel);
        w.WriteNumber("inkBeside", e.Beside);
        w.WriteNumber("inkAroundSqIn", Math.Round(e.OutsideInk, 4));
        w.WriteNumber("inkOverNameSqIn", Math.Round(e.NameInk, 4));
        w.WriteNumber("inkInWriteInSqIn", Math.Round(e.WriteInInk, 4));
        w.WriteEndObject();
        w.WriteStartArray("shapes");
        foreach (var s in e.Shapes)
        {
            w.WriteStartObject();
            w.WriteNumber("left", Math.Round(s.Bounds.Left, 3));
            w.WriteNumber("top", Math.Round(s.Bounds.Top, 3));
            w.WriteNumber("right", Math.Round(s.Bounds.Right, 3));
            w.WriteNumber("bottom", Math.Round(s.Bounds.Bottom, 3));
            w.WriteNumber("areaSqIn", s.Area);
            w.WriteBoolean("touchesOval", s.TouchesOval);
            w.WriteNumber("overName", s.InLabel);
            w.WriteNumber("inWriteIn", s.InWriteIn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteContests(Utf8JsonWriter w, SheetInterpretation? reading)
    {
        w.WriteStartArray("contests");
        foreach (var c in reading?.Contests ?? [])
        {
            w.WriteStartObject();
            w.WriteString("contestId", c.Contest.Id);
            WriteOutcome(w, c.Outcome);
            if (c.WriteIn is { } wi)
            {
                w.WriteStartObject("writeIn");
                w.WriteNumber("slot", wi.Slot);
                w.WriteBoolean("ovalMarked", wi.OvalMarked);
                w.WriteBoolean("nameWritten", wi.NameWritten);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteThresholds(Utf8JsonWriter w, InterpretationSettings settings)
    {
        w.WriteStartObject("thresholds");
        foreach (var (name, value) in settings.Thresholds.Describe())
        {
            w.WriteNumber(name, value);
        }

        w.WriteEndObject();
        w.WriteStartArray("automaticClauses");
        foreach (var clause in settings.AutomaticClauses.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(clause);
        }

        w.WriteEndArray();
    }

    private static void WriteOutcome(Utf8JsonWriter w, ContestOutcome outcome)
    {
        w.WriteString("outcome", outcome.Kind.Name());
        w.WriteStartArray("votes");
        foreach (var v in outcome.Votes)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
        if (outcome.Clause is { } clause)
        {
            w.WriteString("clause", clause.Id);
            w.WriteString("citation", clause.Citation);
            w.WriteString("direction", clause.Direction);
        }
        else
        {
            w.WriteNull("clause");
        }

        if (outcome.Suggestion is { } s)
        {
            w.WriteStartObject("suggestion");
            w.WriteString("outcome", s.Kind.Name());
            w.WriteStartArray("votes");
            foreach (var v in s.Votes)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("suggestion");
        }
    }
}
