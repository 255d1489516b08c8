namespace CentralCount.Adjudication.Accounts;

/// <summary>A person who signs in: their account name, the name shown on screen, their role and, for a board member, their board.</summary>
public sealed record Account(string Name, string DisplayName, Role Role, string? BoardId, bool Disabled);

/// <summary>A signed-in session: whose it is and the token every changing request must carry (CSRF).</summary>
public sealed record Session(Account Account, string CsrfToken, DateTimeOffset ExpiresAt);
