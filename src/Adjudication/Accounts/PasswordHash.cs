using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CentralCount.Adjudication.Accounts;

/// <summary>
/// Salted, deliberately slow password hashes (PBKDF2-HMAC-SHA256). The iteration count is stored
/// with each hash, so it can be raised later without invalidating existing accounts.
/// </summary>
public static class PasswordHash
{
    public const int DefaultIterations = 600_000;
    public const int MinimumLength = 10;

    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', "pbkdf2-sha256", iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(key, expected);
    }

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? Weakness(string password) =>
        password.Length < MinimumLength ? $"a password needs at least {MinimumLength} characters" : null;
}
