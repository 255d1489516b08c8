namespace CentralCount.Adjudication.Accounts;

/// <summary>What a person may do: set up accounts and boards, decide questionable votes, or watch (ARM 44.3.2204(2): observers see, never change).</summary>
public enum Role
{
    Administrator,
    Member,
    Observer,
}

/// <summary>The names roles go by in the store, on the command line and in the web application.</summary>
public static class RoleNames
{
    public static string Name(this Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Member => "member",
        _ => "observer",
    };

    public static Role? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "administrator" or "admin" => Role.Administrator,
        "member" or "board-member" => Role.Member,
        "observer" => Role.Observer,
        _ => null,
    };
}
