namespace CentralCount.Election.Loading;

/// <summary>One thing wrong with an election definition, and where (a JSON path such as <c>$.contests[2].voteFor</c>).</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The definition was refused; <see cref="Problems"/> lists everything wrong with it.</summary>
public sealed class ElectionDefinitionException : Exception
{
    public ElectionDefinitionException(string source, IReadOnlyList<DefinitionProblem> problems)
        : base(Describe(source, problems))
    {
        Source = source;
        Problems = problems;
    }

    public new string Source { get; }

    public IReadOnlyList<DefinitionProblem> Problems { get; }

    private static string Describe(string source, IReadOnlyList<DefinitionProblem> problems) =>
        $"{source}: the election definition has {problems.Count} problem(s); nothing was loaded:" +
        string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}"));
}
