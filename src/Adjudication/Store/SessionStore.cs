using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CentralCount.Adjudication.Accounts;

namespace CentralCount.Adjudication.Store;

/// <summary>
/// Signed-in sessions. The browser holds a random token; the store keeps only its SHA-256, so a
/// copy of the store does not let anyone sign in. Each session has its own CSRF token.
/// </summary>
public sealed class SessionStore(BoardDatabase db)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Starts a session and returns the token for the browser's cookie.</summary>
    public (string Token, Session Session) Start(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var csrf = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = db.Clock.GetUtcNow();
        var expires = now + Lifetime;
        db.Write(sql => sql.Execute("INSERT INTO sessions (token_hash, account, csrf_token, created_at, expires_at) VALUES ($t, $a, $c, $at, $e)",
            ("$t", HashOf(token)), ("$a", account.Name), ("$c", csrf), ("$at", db.Now()), ("$e", expires.ToString("O", CultureInfo.InvariantCulture))));
        return (token, new Session(account, csrf, expires));
    }

    public Session? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var now = db.Clock.GetUtcNow();
        return db.Read(sql =>
        {
            var row = sql.Rows("SELECT account, csrf_token, expires_at FROM sessions WHERE token_hash = $t",
                r => (Account: r.GetString(0), Csrf: r.GetString(1), Expires: DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture)), ("$t", HashOf(token))).FirstOrDefault();
            if (row.Account is null || row.Expires <= now)
            {
                return null;
            }

            var account = AccountStore.Find(sql, row.Account);
            return account is null || account.Disabled ? null : new Session(account, row.Csrf, row.Expires);
        });
    }

    public void End(string? token, string name)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        db.Write(sql =>
        {
            sql.Execute("DELETE FROM sessions WHERE token_hash = $t", ("$t", HashOf(token)));
            sql.Audit("signed-out", name);
            return 0;
        });
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
