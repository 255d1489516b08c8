namespace CentralCount.Adjudication.Web;

/// <summary>
/// How the board service runs: which store, and where it listens. It listens on the loopback
/// address unless an address on the counting center's own network is given (ARM 44.3.2905).
/// </summary>
public sealed record ServerOptions(string StorePath, string Address = "127.0.0.1", int Port = 8080)
{
    /// <summary>PBKDF2 iterations for new passwords; lowered only by tests.</summary>
    public int PasswordIterations { get; init; } = Accounts.PasswordHash.DefaultIterations;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
