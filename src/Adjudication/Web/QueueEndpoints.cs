using System.Diagnostics;
using CentralCount.Adjudication.Accounts;
using CentralCount.Adjudication.Decisions;
using CentralCount.Adjudication.Images;
using CentralCount.Adjudication.Queue;
using CentralCount.Adjudication.Store;
using CentralCount.Election;
using CentralCount.Election.Rules;
using CentralCount.Imaging;
using CentralCount.MarkInterpreter.Interpretation;
using CentralCount.ScanPipeline.Store;
using CentralCount.Tabulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentralCount.Adjudication.Web;

/// <summary>The board's work: the next item, an item's images, a member's decision, progress, filters and the tallies.</summary>
public static class QueueEndpoints
{
    /// <summary>The filter a member works under, sent with each decision so the next item follows it.</summary>
    public sealed record FilterBody(string? Clause, string? Contest, string? Batch);

    /// <summary>A write-in area a member judges voted, with what they read.</summary>
    public sealed record WriteInBody(int Slot, string? Text, bool IsComment);

    /// <summary>A member's decision on one contest.</summary>
    public sealed record DecisionBody(string? Kind, IReadOnlyList<string>? Options, IReadOnlyList<WriteInBody>? WriteIns, FilterBody? Filter);

    public static void Map(IEndpointRouteBuilder app, BoardServices services)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(services);
        var election = services.Database.Election;
        var decoder = new ImageDecoder(services.Pixels);

        app.MapGet("/api/next", (HttpContext context, string? clause, string? contest, string? batch) => Member(context, member =>
        {
            var item = services.Queue.Next(member, Filter(clause, contest, batch));
            return Results.Json(new { item = item is null ? null : View(services, decoder, item) });
        }));

        app.MapGet("/api/items/{sheet:long}/{contest}", (long sheet, string contest) =>
            services.Queue.Find(new ItemKey(sheet, contest)) is { } item
                ? Results.Json(new { item = View(services, decoder, item), deciders = services.Decisions.Deciders(item.Key).Select(d => new { account = d.Account, at = d.At }) })
                : NotFound(sheet, contest));

        app.MapGet("/api/items/{sheet:long}/{contest}/crop.png", (long sheet, string contest) =>
        {
            if (services.Queue.Find(new ItemKey(sheet, contest)) is not { } item)
            {
                return NotFound(sheet, contest);
            }

            var plan = ContestCrop.Plan(election, item, services.Database.ImagesFolder, decoder);
            return Results.Bytes(ContestCrop.Render(plan, decoder), "image/png");
        });

        app.MapGet("/api/items/{sheet:long}/{contest}/page.jpg", (long sheet, string contest) =>
        {
            if (services.Queue.Find(new ItemKey(sheet, contest)) is not { } item)
            {
                return NotFound(sheet, contest);
            }

            var plan = ContestCrop.Plan(election, item, services.Database.ImagesFolder, decoder);
            return Results.Bytes(ContestCrop.WholePage(plan.ImagePath, plan.UpsideDown, decoder), "image/jpeg");
        });

        app.MapGet("/api/items", (string? state, string? clause, string? contest, string? batch, int? limit) =>
        {
            var settled = state == "settled";
            var items = services.Queue.List(Filter(clause, contest, batch), settled, Math.Clamp(limit ?? 50, 1, 500));
            return Results.Json(items.Select(i =>
            {
                var c = election.Contest(i.Key.ContestId);
                return new
                {
                    sheetId = i.Key.SheetId,
                    contestId = i.Key.ContestId,
                    contestTitle = c.Title,
                    batchId = i.BatchId,
                    seq = i.Seq,
                    clause = i.Clause,
                    board = i.ClaimedBy,
                    decisions = i.Decisions,
                    settled = i.Adjudicated is { } a ? ItemView.OutcomeText(a, ItemView.Labels(election, c)) : null,
                };
            }));
        });

        app.MapPost("/api/items/{sheet:long}/{contest}/preview", (HttpContext context, long sheet, string contest, DecisionBody body) => Member(context, _ =>
        {
            var c = election.Contest(contest);
            var resolved = ResolveChoice.For(c, Choice(body));
            return Results.Json(new { outcome = ItemView.OutcomeText(resolved.Outcome, ItemView.Labels(election, c)), notes = resolved.Notes });
        }));

        app.MapPost("/api/items/{sheet:long}/{contest}/decision", (HttpContext context, long sheet, string contest, DecisionBody body) => Member(context, member =>
        {
            var clock = Stopwatch.StartNew();
            var result = services.Decisions.Record(member, new ItemKey(sheet, contest), Choice(body));
            var labels = ItemView.Labels(election, election.Contest(contest));
            var f = body.Filter;
            var next = services.Queue.Next(member, Filter(f?.Clause, f?.Contest, f?.Batch));
            var answer = new
            {
                recorded = ItemView.OutcomeText(result.Member.Outcome, labels),
                notes = result.Member.Notes,
                settled = result.Settled is { } s ? ItemView.OutcomeText(s, labels) : null,
                settledBy = result.SettledBy,
                next = next is null ? null : View(services, decoder, next),
            };
            context.Response.Headers["Server-Timing"] = $"decide;dur={clock.Elapsed.TotalMilliseconds:0.0}";
            return Results.Json(answer);
        }));

        app.MapGet("/api/writein-match", (string contest, string? text) =>
        {
            var c = election.Contest(contest);
            var declared = string.IsNullOrWhiteSpace(text) ? null : NameMatch.Declared(c, text);
            var name = declared is null ? null : ((CandidateContest)c).DeclaredWriteIns.First(d => d.Id == declared).Name;
            return Results.Json(new
            {
                declared = name,
                note = string.IsNullOrWhiteSpace(text) ? "Type the name as written."
                    : name is not null ? $"Matches declared write-in candidate {name}."
                    : "Not a declared write-in candidate: counts for no one (44.3.2403(2)(h)).",
            });
        });

        app.MapGet("/api/progress", () =>
        {
            var p = services.Queue.Progress();
            return Results.Json(new
            {
                total = p.Total,
                decided = p.Decided,
                waiting = p.Total - p.Decided,
                unclaimed = p.Unclaimed,
                boards = p.Boards.Select(b => new { id = b.BoardId, size = b.Size, members = b.Members, decided = b.Decided, inProgress = b.InProgress, waitingOnMember = b.WaitingOnMember }),
            });
        });

        app.MapGet("/api/filters", () =>
        {
            var (clauses, contests, batches) = services.Queue.FilterChoices();
            return Results.Json(new
            {
                clauses = clauses.Select(id => MontanaRules.Get(id) is { } r ? new { id, label = $"{r.Citation}: {r.Situation}" } : new { id, label = id }),
                contests = contests.Select(id => new { id, label = election.Contest(id).Title }),
                batches,
            });
        });

        app.MapGet("/api/tally", (HttpContext context) =>
        {
            // Members judge each vote on its own; running totals are for administrators and observers.
            if (RequestGuard.SessionOf(context)!.Account.Role == Role.Member)
            {
                return Results.Json(new { error = "board members do not see running tallies while they adjudicate" }, statusCode: StatusCodes.Status403Forbidden);
            }

            var rows = services.Database.Read(sql => sql.Rows(CountStore.ContestResultsQuery, r => new RecordedContest(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4), StoredVotes.Split(r.GetString(5)))));
            var tallies = TallyContests.From(election, rows);
            return Results.Json(new
            {
                unofficial = tallies.Any(t => t.Unofficial),
                contests = tallies.Where(t => t.Ballots > 0).Select(t => new
                {
                    id = t.ContestId,
                    title = t.Title,
                    ballots = t.Ballots,
                    options = t.Options.Select(o => new { id = o.OptionId, label = o.Label, votes = o.Votes }),
                    writeIns = t.WriteIns,
                    undervotes = t.Undervotes,
                    overvotes = t.Overvotes,
                    notValid = t.NotValid,
                    waitingOnBoard = t.PendingBoard,
                }),
            });
        });
    }

    private static object View(BoardServices services, ImageDecoder decoder, QueueItem item)
    {
        CropPlan? plan = null;
        string? problem = null;
        try
        {
            plan = ContestCrop.Plan(services.Database.Election, item, services.Database.ImagesFolder, decoder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ImagingException)
        {
            problem = e.Message;
        }

        var size = item.ClaimedBy is { } b ? services.Boards.Find(b)?.Size ?? 0 : 0;
        return ItemView.Describe(services.Database.Election, item, plan, problem, size);
    }

    private static QueueFilter Filter(string? clause, string? contest, string? batch) =>
        new(string.IsNullOrWhiteSpace(clause) ? null : clause, string.IsNullOrWhiteSpace(contest) ? null : contest, string.IsNullOrWhiteSpace(batch) ? null : batch);

    private static MemberChoice Choice(DecisionBody body) => new(
        body.Kind switch
        {
            "votes" => ChoiceKind.Votes,
            "overvote" => ChoiceKind.Overvote,
            "not-clear" => ChoiceKind.NotClear,
            _ => throw new BoardException($"decision kind '{body.Kind}': use votes, overvote or not-clear"),
        },
        body.Options ?? [],
        [.. (body.WriteIns ?? []).Select(w => new WriteInRead(w.Slot, w.Text ?? string.Empty, w.IsComment))]);

    private static IResult NotFound(long sheet, string contest) =>
        Results.Json(new { error = $"sheet {sheet} has no contest {contest} waiting on or decided by the board" }, statusCode: StatusCodes.Status404NotFound);

    private static IResult Member(HttpContext context, Func<Account, IResult> action)
    {
        var account = RequestGuard.SessionOf(context)!.Account;
        if (account.Role != Role.Member)
        {
            return Results.Json(new { error = $"a {account.Role.Name()} account cannot decide questionable votes; only board members can" }, statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return action(account);
        }
        catch (DecisionConflictException e)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status409Conflict);
        }
        catch (Exception e) when (e is BoardException or ArgumentException or KeyNotFoundException)
        {
            return Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
