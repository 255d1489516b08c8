using CentralCount.Election.Layout;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>One page of a sheet: the file it came from and its registration.</summary>
public sealed record SheetPage(string File, PageRegistration Registration);

/// <summary>
/// A sheet as assembled from its files: pages in front-then-back order (whatever order the
/// scanner wrote them), whether the files were swapped, and the reject if the sheet cannot be read.
/// </summary>
public sealed record SheetRegistration(IReadOnlyList<SheetPage> Pages, bool Swapped, PageReject? Reject)
{
    public bool IsRead => Reject is null;
}

/// <summary>Pairs front and back: both must be read, belong to the same style, precinct and sheet, and be one front and one back.</summary>
public static class SheetAssembler
{
    public static SheetRegistration Assemble(SheetPage first, SheetPage? second)
    {
        ArgumentNullException.ThrowIfNull(first);
        var pages = second is null ? new[] { first } : [first, second];
        foreach (var page in pages)
        {
            if (page.Registration.Reject is { } reject)
            {
                return new SheetRegistration(pages, false, reject with { Detail = $"{Path.GetFileName(page.File)}: {reject.Detail}" });
            }
        }

        if (second is null)
        {
            return new SheetRegistration(pages, first.Registration.Identity!.Side == PageSide.Back, null);
        }

        var a = first.Registration.Identity!;
        var b = second.Registration.Identity!;
        if (a.StyleId != b.StyleId || a.Sheet != b.Sheet || a.IsTest != b.IsTest || a.Side == b.Side || a.PrecinctId != b.PrecinctId)
        {
            return new SheetRegistration(pages, false, new PageReject(RejectReason.SheetMismatch,
                $"{Path.GetFileName(first.File)} is {Describe(a)} but {Path.GetFileName(second.File)} is {Describe(b)}: they are not the two sides of one sheet"));
        }

        var swapped = a.Side == PageSide.Back;
        return new SheetRegistration(swapped ? [second, first] : pages, swapped, null);
    }

    private static string Describe(PageIdentification id) =>
        $"style {id.StyleId}{(id.PrecinctId is null ? string.Empty : $" (precinct {id.PrecinctId})")} sheet {id.Sheet} {(id.Side == PageSide.Front ? "front" : "back")}{(id.IsTest ? " (test)" : string.Empty)}";
}
