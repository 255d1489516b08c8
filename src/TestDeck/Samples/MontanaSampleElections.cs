using CentralCount.Election;
using CentralCount.TestDeck.Design;

namespace CentralCount.TestDeck.Samples;

/// <summary>
/// The sample Montana elections shipped in <c>samples/</c>: a general election for a fictional
/// county with federal, statewide, legislative, county and judicial-retention contests, two
/// statewide ballot issues and a local levy, four precincts with rotated names; and an open
/// primary with one ballot style per party. All names are invented.
/// </summary>
public static class MontanaSampleElections
{
    private static readonly Party[] Parties =
    [
        new("rep", "Republican", "REP"),
        new("dem", "Democratic", "DEM"),
        new("lib", "Libertarian", "LIB"),
        new("grn", "Green", "GRN"),
    ];

    private static readonly District[] Districts =
    [
        new("state", "State of Montana"),
        new("cd-2", "Congressional District 2"),
        new("sd-27", "Senate District 27"),
        new("sd-28", "Senate District 28"),
        new("hd-53", "House District 53"),
        new("hd-54", "House District 54"),
        new("hd-55", "House District 55"),
        new("county", "Bitterroot Hills County"),
        new("cc-1", "Commissioner District 1"),
        new("cc-2", "Commissioner District 2"),
        new("sch-2", "Elementary School District 2"),
        new("fd-7", "Rural Fire District 7"),
        new("town-molt", "Town of Molt"),
    ];

    private static readonly Precinct[] Precincts =
    [
        new("p-01", "Precinct 1 - Laurel North", ["state", "cd-2", "sd-27", "hd-53", "county", "cc-1"]),
        new("p-02", "Precinct 2 - Laurel South", ["state", "cd-2", "sd-27", "hd-54", "county", "cc-1"]),
        new("p-03", "Precinct 3 - Park City", ["state", "cd-2", "sd-28", "hd-55", "county", "cc-2", "sch-2"]),
        new("p-04", "Precinct 4 - Molt and Rapelje", ["state", "cd-2", "sd-28", "hd-55", "county", "cc-2", "sch-2", "fd-7", "town-molt"]),
    ];

    public static BallotContent GeneralContent()
    {
        var contests = new List<Contest>
        {
            Race("us-senate", "United States Senator", "state", 1, 1, [("Harold Brandt", "rep"), ("Maria Ostrowski", "dem"), ("Dale Wickersham", "lib"), ("Juniper Hale", "grn")],
                declared: [("us-senate-wi-1", "Thomas A. Redfeather", ["Tom Redfeather", "T. A. Redfeather"])]),
            Race("us-house-2", "United States Representative District 2", "cd-2", 1, 1, [("Curtis Lang", "rep"), ("Evelyn Marsh", "dem"), ("Samuel Pryor", "lib")]),
            Race("psc-2", "Public Service Commissioner District 2", "state", 1, 0, [("Gordon Teague", "rep"), ("Alice Brennan", "dem")]),
            Race("clerk-supreme-court", "Clerk of the Supreme Court", "state", 1, 0, [("Nora Whitcomb", "rep"), ("Paul Ferreira", "dem")]),
            Race("supreme-court-3", "Justice of the Supreme Court Seat 3 (nonpartisan)", "state", 1, 1, [("Linda Carraway", null), ("Jonathan Ebersole", null)]),
            Race("state-senate-27", "State Senator District 27", "sd-27", 1, 1, [("Roy Gustafson", "rep"), ("Beth Amundsen", "dem")]),
            Race("state-senate-28", "State Senator District 28", "sd-28", 1, 1, [("Walt Kessler", "rep"), ("Irene Two Bulls", "dem")]),
            Race("state-house-53", "State Representative District 53", "hd-53", 1, 1, [("Keith Moreland", "rep"), ("Sandra Vukovich", "dem")]),
            Race("state-house-54", "State Representative District 54", "hd-54", 1, 1, [("Brian Tollefson", "rep"), ("Ruth Eagleman", "dem"), ("Vince Ardito", "lib")]),
            Race("state-house-55", "State Representative District 55", "hd-55", 1, 1, [("Gary Lindqvist", "rep"), ("Hannah Whitfield", "dem")]),
            Race("commissioner-1", "County Commissioner District 1", "cc-1", 1, 1, [("Don Halvorson", "rep"), ("Lisa Mercado", "dem")]),
            Race("commissioner-2", "County Commissioner District 2", "cc-2", 1, 1, [("Frank Oyler", "rep"), ("Jean Sorensen", "dem")]),
            Race("clerk-recorder", "Clerk and Recorder / Treasurer", "county", 1, 1, [("Marcy Pelletier", "rep"), ("Owen Stiles", "dem")],
                declared: [("clerk-wi-1", "Rebecca J. Norquist", ["Becky Norquist", "R. J. Norquist"]), ("clerk-wi-2", "Amos Little Light", ["Amos Littlelight"])]),
            Race("sheriff", "Sheriff / Coroner", "county", 1, 1, [("Dwight Koenig", "rep"), ("Carla Benavides", "dem")]),
            Race("county-attorney", "County Attorney", "county", 1, 1, [("Natalie Ruiz", "rep")]),
            Race("superintendent", "County Superintendent of Schools", "county", 1, 0, [("Greta Holm", null), ("Marvin Plenty Hawk", null)]),
            Race("conservation", "Conservation District Supervisors", "county", 2, 2, [("Alan Fairbanks", null), ("Bonnie Kruger", null), ("Cyrus Wendt", null), ("Delia Moss", null)]),
            Race("school-trustees-2", "School District 2 Trustees", "sch-2", 3, 1, [("Ellen Voss", null), ("Felix Ortega", null), ("Gail Sutter", null), ("Hank Iverson", null), ("Ida Running Crane", null)]),
            Race("fire-trustees-7", "Rural Fire District 7 Trustees", "fd-7", 2, 1, [("Jack Albrecht", null), ("Kay Lundgren", null), ("Lyle Bassett", null)]),
            Retain("retain-supreme-1", "Supreme Court Justice Seat 1", "state", "Shall Justice Miriam Oakes of the Montana Supreme Court be retained in office for another term?"),
            Retain("retain-district-a", "District Court Judge Department 1", "county", "Shall Judge Raymond Till of the District Court, Department 1, be retained in office for another term?"),
            Retain("retain-district-b", "District Court Judge Department 2", "county", "Shall Judge Celia Vance of the District Court, Department 2, be retained in office for another term?"),
            Issue("ci-130", "Constitutional Initiative No. 130", "state",
                "CI-130 amends the Montana Constitution to require that any new statewide tax on the sale of goods and services be approved by the voters at a general election before it takes effect. The Legislature could not adopt such a tax on its own. Fiscal impact: none unless a sales tax is proposed.",
                "FOR CI-130", "AGAINST CI-130"),
            Issue("lr-133", "Legislative Referendum No. 133", "state",
                "LR-133 asks voters to approve a law passed by the Legislature that would create a permanent fund for the repair of rural bridges, paid for from existing coal severance tax revenue. No new tax is created. The fund could not be used for any other purpose.",
                "FOR LR-133", "AGAINST LR-133"),
            Issue("fire-levy-7", "Rural Fire District 7 Mill Levy", "fd-7",
                "Shall the Board of Trustees of Rural Fire District 7 be authorized to levy an additional 12 mills each year for ten years, raising about $84,000 per year, to buy and maintain fire engines and protective equipment? A home with a taxable market value of $300,000 would pay about $48.60 more each year.",
                "FOR the levy", "AGAINST the levy"),
        };
        contests.AddRange(TownOfMolt());

        var order = contests.Select(c => c.Id).ToList();
        var styles = Precincts.Select((p, i) => new StyleSpec(
            $"style-{p.Id}", [p.Id], null,
            [.. order.Where(id => p.DistrictIds.Contains(contests.First(c => c.Id == id).DistrictId))],
            Rotation: i, NewSheetBefore: ["molt-mayor"])).ToList();
        return new BallotContent("mt-bitterroot-hills-2026-general", "General Election", new Jurisdiction("Montana", "Bitterroot Hills County"),
            new DateOnly(2026, 11, 3), ElectionKind.General, Parties, Districts, Precincts, contests, styles);
    }

    // The town's municipal election is consolidated with the general: its contests make the
    // Precinct 4 ballot run to two sheets.
    private static IEnumerable<Contest> TownOfMolt()
    {
        const string Town = "town-molt";
        yield return Race("molt-mayor", "Mayor, Town of Molt", Town, 1, 1, [("Orrin Blackwood", null), ("Pearl Haugen", null), ("Quentin Rasmussen", null)]);
        yield return Race("molt-council", "Town Council, Ward 1", Town, 2, 2, [("Rosa Echeverria", null), ("Stan Kowalczyk", null), ("Tilda Fjeld", null), ("Ulysses Grant Pike", null)]);
        yield return Race("molt-judge", "Town Judge", Town, 1, 1, [("Vera Lindgren", null)]);
        yield return Race("molt-clerk", "Town Clerk and Treasurer", Town, 1, 1, [("Wade Hollister", null), ("Xenia Marchetti", null)]);
        yield return Issue("molt-bond-1", "Town of Molt Water System Bond", Town,
            "Shall the Town Council of the Town of Molt be authorized to issue and sell general obligation bonds in an amount not to exceed $2,400,000, bearing interest at a rate to be set when the bonds are sold and payable over a term not to exceed twenty years, for the purpose of replacing the town water storage tank, water mains on Main Street and First Avenue, and the related pumps, valves, meters and fire hydrants? The bonds would be paid from property taxes levied on all taxable property in the town.",
            "BONDS - YES", "BONDS - NO");
        yield return Issue("molt-charter", "Town of Molt Charter Amendment No. 1", Town,
            "Shall the charter of the Town of Molt be amended to increase the number of town council members from three to five, elected by ward to staggered four-year terms, beginning with the municipal general election held in November 2028, with the two new seats first filled for terms of two years so that the terms of council members are staggered thereafter?",
            "FOR the amendment", "AGAINST the amendment");
        yield return Issue("molt-levy-parks", "Town of Molt Parks Mill Levy", Town,
            "Shall the Town of Molt be authorized to levy an additional 6 mills each year for five years, raising about $21,500 per year, to maintain and improve the town park, the swimming pool and the ballfields? A home with a taxable market value of $250,000 would pay about $20.25 more each year.",
            "FOR the levy", "AGAINST the levy");
        yield return Issue("molt-levy-library", "Town of Molt Library Mill Levy", Town,
            "Shall the Town of Molt be authorized to levy an additional 4 mills each year, raising about $14,300 per year, to keep the town library open on Saturdays and to buy books and computers? A home with a taxable market value of $250,000 would pay about $13.50 more each year.",
            "FOR the levy", "AGAINST the levy");
        yield return Issue("sch-2-bond", "Elementary School District 2 Building Bond", "sch-2",
            "Shall the Board of Trustees of Elementary School District 2 be authorized to sell and issue general obligation bonds in an amount not to exceed $5,800,000 to build and equip two new classrooms, a multipurpose room and a secure entrance at Park City School, and to replace the roof and heating system of the existing building? The bonds would be payable over twenty years from property taxes.",
            "BONDS - YES", "BONDS - NO");
        yield return Issue("molt-advisory", "Town of Molt Advisory Question", Town,
            "Should the Town of Molt seek a grant from the State of Montana to build a paved walking and bicycle path along Molt Road between Main Street and the school? This question is advisory only and does not bind the town council.",
            "YES", "NO");
    }

    public static BallotContent PrimaryContent()
    {
        var parties = Parties[..3];
        var contests = new List<Contest>();
        foreach (var party in parties)
        {
            var p = party.Id;
            contests.Add(Race($"us-senate-{p}", "United States Senator", "state", 1, 1, Names(p, 0, 3), p));
            contests.Add(Race($"us-house-2-{p}", "United States Representative District 2", "cd-2", 1, 1, Names(p, 3, 2), p));
            contests.Add(Race($"psc-2-{p}", "Public Service Commissioner District 2", "state", 1, 1, Names(p, 5, 2), p));
            contests.Add(Race($"clerk-recorder-{p}", "Clerk and Recorder / Treasurer", "county", 1, 1, Names(p, 7, 2), p));
            contests.Add(Race($"sheriff-{p}", "Sheriff / Coroner", "county", 1, 1, Names(p, 9, 1), p));
        }

        contests.Add(Race("supreme-court-3", "Justice of the Supreme Court Seat 3 (nonpartisan)", "state", 1, 1, [("Linda Carraway", null), ("Jonathan Ebersole", null), ("Petra Goodwin", null)]));
        var styles = parties.Select(party => new StyleSpec(
            $"primary-{party.Id}", [.. Precincts.Select(p => p.Id)], party.Id,
            [.. contests.Where(c => c.PartyId == party.Id || c.PartyId is null).Select(c => c.Id)], Rotation: 0)).ToList();
        return new BallotContent("mt-bitterroot-hills-2026-primary", "Primary Election", new Jurisdiction("Montana", "Bitterroot Hills County"),
            new DateOnly(2026, 6, 2), ElectionKind.Primary, parties, Districts, Precincts, contests, styles);
    }

    private static (string, string?)[] Names(string party, int start, int count)
    {
        string[] first = ["Arthur", "Bea", "Clint", "Dora", "Emmett", "Flora", "Glen", "Hazel", "Ivan", "Joan", "Kurt", "Lena"];
        string[] last = ["Abbott", "Barlow", "Cutter", "Dunmore", "Ekland", "Fenwick", "Gorman", "Haskell", "Ingram", "Jessup", "Kimball", "Larkin"];
        var shift = party switch { "rep" => 0, "dem" => 4, _ => 8 };
        return [.. Enumerable.Range(start, count).Select(i => ($"{first[(i + shift) % first.Length]} {last[(i * 5 + shift) % last.Length]}", (string?)party))];
    }

    private static CandidateContest Race(string id, string title, string district, int voteFor, int writeIns, (string Name, string? Party)[] candidates,
        string? party = null, (string Id, string Name, string[] Designations)[]? declared = null) =>
        new(id, title, district, party, voteFor,
            [.. candidates.Select((c, i) => new Candidate($"{id}-{Slug(c.Name)}", c.Name, c.Party is null ? [] : [c.Party]))],
            writeIns,
            [.. (declared ?? []).Select(d => new DeclaredWriteIn(d.Id, d.Name, d.Designations))]);

    private static MeasureContest Retain(string id, string title, string district, string question) =>
        new(id, title, district, MeasureKind.Retention, question, new MeasureOption(id + "-yes", "YES"), new MeasureOption(id + "-no", "NO"));

    private static MeasureContest Issue(string id, string title, string district, string text, string yes, string no) =>
        new(id, title, district, MeasureKind.BallotIssue, text, new MeasureOption(id + "-yes", yes), new MeasureOption(id + "-no", no));

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-')]).Replace("--", "-", StringComparison.Ordinal).Trim('-');
}
