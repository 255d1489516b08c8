using System.Globalization;
using System.Text.RegularExpressions;
using CentralCount.Adjudication.Accounts;

namespace CentralCount.Adjudication.Store;

/// <summary>The outcome of a sign-in: the account, or why it was refused.</summary>
public sealed record SignInResult(Account? Account, string? Refusal);

/// <summary>
/// Accounts: created by an administrator, signed into with a password checked against a slow
/// salted hash. Repeated failures lock the account for a while; every outcome is in the audit log.
/// </summary>
public sealed partial class AccountStore(BoardDatabase db, int iterations = PasswordHash.DefaultIterations)
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    // A hash of nothing in particular, verified against when the name is unknown, so a wrong name costs as long as a wrong password.
    private readonly Lazy<string> _decoy = new(() => PasswordHash.Hash(Guid.NewGuid().ToString(), iterations));

    public Account Create(string name, string displayName, Role role, string password, string by)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(password);
        if (!AccountName().IsMatch(name))
        {
            throw new BoardException($"account name '{name}': use 2-40 lower-case letters, digits, '.', '-' or '_'");
        }

        if (PasswordHash.Weakness(password) is { } weak)
        {
            throw new BoardException($"account {name}: {weak}");
        }

        var hash = PasswordHash.Hash(password, iterations);
        var shown = displayName.Trim().Length == 0 ? name : displayName.Trim();
        return db.Write(sql =>
        {
            if (sql.Scalar("SELECT 1 FROM accounts WHERE name = $n", ("$n", name)) is not null)
            {
                throw new BoardException($"account {name} already exists");
            }

            sql.Execute("INSERT INTO accounts (name, display_name, role, password_hash, created_at) VALUES ($n, $d, $r, $h, $at)",
                ("$n", name), ("$d", shown), ("$r", role.Name()), ("$h", hash), ("$at", db.Now()));
            sql.Audit("account-created", $"{name} ({role.Name()}) by {by}");
            return new Account(name, shown, role, null, false);
        });
    }

    public SignInResult SignIn(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var now = db.Clock.GetUtcNow();
        var row = db.Read(sql => sql.Rows("SELECT password_hash, locked_until, disabled FROM accounts WHERE name = $n",
            r => (Hash: r.GetString(0), LockedUntil: r.IsDBNull(1) ? (DateTimeOffset?)null : DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), Disabled: r.GetInt64(2) != 0),
            ("$n", name)).FirstOrDefault());

        // The slow hash runs outside the lock, so one sign-in never holds up the boards' decisions.
        var match = PasswordHash.Verify(password, row.Hash ?? _decoy.Value);
        if (row.Hash is null)
        {
            db.Write(sql => { sql.Audit("sign-in-refused", $"unknown account name ({name.Length} characters)"); return 0; });
            return new SignInResult(null, "That name and password were not accepted.");
        }

        if (row.Disabled)
        {
            db.Write(sql => { sql.Audit("sign-in-refused", $"{name}: account disabled"); return 0; });
            return new SignInResult(null, "This account is disabled. Ask the election administrator.");
        }

        if (row.LockedUntil is { } until && until > now)
        {
            db.Write(sql => { sql.Audit("sign-in-refused", $"{name}: account locked until {until:HH:mm} UTC"); return 0; });
            return new SignInResult(null, $"This account is locked after {FailuresBeforeLockout} failed sign-ins. Try again after {until.ToLocalTime():HH:mm}, or ask the election administrator.");
        }

        if (!match)
        {
            return db.Write(sql =>
            {
                var failures = Convert.ToInt32(sql.Scalar("UPDATE accounts SET failed_attempts = failed_attempts + 1 WHERE name = $n RETURNING failed_attempts", ("$n", name)), CultureInfo.InvariantCulture);
                if (failures >= FailuresBeforeLockout)
                {
                    var until = now + LockoutTime;
                    sql.Execute("UPDATE accounts SET locked_until = $u, failed_attempts = 0 WHERE name = $n", ("$u", until.ToString("O", CultureInfo.InvariantCulture)), ("$n", name));
                    sql.Audit("account-locked", $"{name}: {FailuresBeforeLockout} failed sign-ins; locked until {until:yyyy-MM-dd HH:mm} UTC");
                    return new SignInResult(null, $"This account is now locked after {FailuresBeforeLockout} failed sign-ins. Try again in {LockoutTime.TotalMinutes:0} minutes, or ask the election administrator.");
                }

                sql.Audit("sign-in-refused", $"{name}: wrong password ({failures} of {FailuresBeforeLockout})");
                return new SignInResult(null, "That name and password were not accepted.");
            });
        }

        return db.Write(sql =>
        {
            sql.Execute("UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE name = $n", ("$n", name));
            sql.Audit("signed-in", name);
            return new SignInResult(Find(sql, name), null);
        });
    }

    public Account? Find(string name) => db.Read(sql => Find(sql, name));

    public IReadOnlyList<Account> All() => db.Read(sql => sql.Rows(
        "SELECT a.name, a.display_name, a.role, m.board_id, a.disabled FROM accounts a LEFT JOIN board_members m ON m.account = a.name ORDER BY a.role, a.name", Row));

    public bool AnyAdministrator() => db.Read(sql => sql.Scalar("SELECT 1 FROM accounts WHERE role = 'administrator' AND disabled = 0") is not null);

    public void SetDisabled(string name, bool disabled, string by) => db.Write(sql =>
    {
        if (sql.Execute("UPDATE accounts SET disabled = $d WHERE name = $n", ("$d", disabled ? 1 : 0), ("$n", name)) == 0)
        {
            throw new BoardException($"no account named {name}");
        }

        if (disabled)
        {
            sql.Execute("DELETE FROM sessions WHERE account = $n", ("$n", name));
        }

        sql.Audit(disabled ? "account-disabled" : "account-enabled", $"{name} by {by}");
        return 0;
    });

    /// <summary>Sets a new password and lifts any lockout (an administrator's reset).</summary>
    public void SetPassword(string name, string password, string by)
    {
        if (PasswordHash.Weakness(password) is { } weak)
        {
            throw new BoardException($"account {name}: {weak}");
        }

        var hash = PasswordHash.Hash(password, iterations);
        db.Write(sql =>
        {
            if (sql.Execute("UPDATE accounts SET password_hash = $h, failed_attempts = 0, locked_until = NULL WHERE name = $n", ("$h", hash), ("$n", name)) == 0)
            {
                throw new BoardException($"no account named {name}");
            }

            sql.Execute("DELETE FROM sessions WHERE account = $n", ("$n", name));
            sql.Audit("password-set", $"{name} by {by}");
            return 0;
        });
    }

    internal static Account? Find(BoardDatabase.Sql sql, string name) => sql.Rows(
        "SELECT a.name, a.display_name, a.role, m.board_id, a.disabled FROM accounts a LEFT JOIN board_members m ON m.account = a.name WHERE a.name = $n", Row, ("$n", name)).FirstOrDefault();

    private static Account Row(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), RoleNames.Parse(r.GetString(2)) ?? Role.Observer, r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4) != 0);

    [GeneratedRegex("^[a-z0-9._-]{2,40}$")]
    private static partial Regex AccountName();
}
