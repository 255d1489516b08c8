using CentralCount.Election.Rules;
using Microsoft.Data.Sqlite;

namespace CentralCount.ScanPipeline.Store;

/// <summary>
/// The statements that record sheets, prepared once for the store's connection and bound again
/// for each sheet and contest: a sheet is recorded by a couple of dozen statements, and parsing
/// each of them anew cost more than running it.
/// </summary>
internal sealed class SheetInserts : IDisposable
{
    private readonly SqliteCommand _original, _sheet, _contest;
    private readonly SqliteParameter _hash;
    private readonly SqliteParameter _batch, _seq, _front, _back, _content, _status, _duplicateOf, _reason, _detail, _style, _precinct, _reading, _at, _frontImage, _backImage;
    private readonly SqliteParameter _sheetId, _contestId, _outcome, _votes, _clause, _suggested, _suggestedVotes;

    public SheetInserts(SqliteConnection db)
    {
        _original = Command(db, "SELECT id FROM sheets WHERE content_hash = $h AND status <> 'duplicate'");
        _hash = Add(_original, "$h");
        _sheet = Command(db, """
            INSERT INTO sheets (batch_id, seq, front_file, back_file, content_hash, status, duplicate_of, reject_reason, reject_detail, style_id, precinct_id, reading, recorded_at, front_image, back_image)
            VALUES ($b, $seq, $f, $bk, $h, $st, $dup, $rr, $rd, $style, $p, $reading, $at, $fi, $bi) RETURNING id
            """);
        (_batch, _seq, _front, _back, _content, _status, _duplicateOf, _reason) =
            (Add(_sheet, "$b"), Add(_sheet, "$seq"), Add(_sheet, "$f"), Add(_sheet, "$bk"), Add(_sheet, "$h"), Add(_sheet, "$st"), Add(_sheet, "$dup"), Add(_sheet, "$rr"));
        (_detail, _style, _precinct, _reading, _at, _frontImage, _backImage) =
            (Add(_sheet, "$rd"), Add(_sheet, "$style"), Add(_sheet, "$p"), Add(_sheet, "$reading"), Add(_sheet, "$at"), Add(_sheet, "$fi"), Add(_sheet, "$bi"));
        _contest = Command(db, "INSERT INTO contest_results (sheet_id, contest_id, outcome, votes, clause, suggested_outcome, suggested_votes) VALUES ($s, $c, $o, $v, $cl, $so, $sv)");
        (_sheetId, _contestId, _outcome, _votes, _clause, _suggested, _suggestedVotes) =
            (Add(_contest, "$s"), Add(_contest, "$c"), Add(_contest, "$o"), Add(_contest, "$v"), Add(_contest, "$cl"), Add(_contest, "$so"), Add(_contest, "$sv"));
    }

    /// <summary>Runs the statements in this transaction from now on.</summary>
    public SheetInserts In(SqliteTransaction tx)
    {
        _original.Transaction = _sheet.Transaction = _contest.Transaction = tx;
        return this;
    }

    /// <summary>The sheet already recorded (not as a duplicate) with this content, if any.</summary>
    public long? Original(string contentHash)
    {
        _hash.Value = contentHash;
        return _original.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>Inserts the sheet and its contests; returns the sheet's id.</summary>
    public long Insert(SheetRecord record, long? duplicateOf, string at)
    {
        (_batch.Value, _seq.Value, _front.Value, _back.Value, _content.Value, _status.Value) =
            (record.BatchId, record.Seq, record.FrontFile, Value(record.BackFile), record.ContentHash, Name(record.Status));
        (_duplicateOf.Value, _reason.Value, _detail.Value, _style.Value, _precinct.Value) =
            (duplicateOf is { } of ? of : DBNull.Value, Value(record.RejectReason), Value(record.RejectDetail), Value(record.StyleId), Value(record.PrecinctId));
        (_reading.Value, _at.Value, _frontImage.Value, _backImage.Value) = (Value(record.Reading), at, Value(record.FrontImage), Value(record.BackImage));
        var id = (long)_sheet.ExecuteScalar()!;
        foreach (var c in record.Contests)
        {
            var o = c.Outcome;
            (_sheetId.Value, _contestId.Value, _outcome.Value, _votes.Value, _clause.Value) = (id, c.ContestId, o.Kind.Name(), StoredVotes.Join(o.Votes), Value(o.Clause?.Id));
            (_suggested.Value, _suggestedVotes.Value) = o.Suggestion is { } s ? (s.Kind.Name(), StoredVotes.Join(s.Votes)) : ((object)DBNull.Value, (object)DBNull.Value);
            _contest.ExecuteNonQuery();
        }

        return id;
    }

    public void Dispose()
    {
        _original.Dispose();
        _sheet.Dispose();
        _contest.Dispose();
    }

    /// <summary>How a sheet's status is spelled in the store.</summary>
    public static string Name(SheetStatus s) => s.ToString().ToLowerInvariant();

    private static object Value(string? text) => text is null ? DBNull.Value : text;

    private static SqliteCommand Command(SqliteConnection db, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private static SqliteParameter Add(SqliteCommand cmd, string name) => cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
}
