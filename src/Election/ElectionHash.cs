using System.Security.Cryptography;

namespace CentralCount.Election;

/// <summary>SHA-256 of the election definition's bytes, as lowercase hex; stable for the same file.</summary>
public readonly record struct ElectionHash
{
    private ElectionHash(string hex) => Hex = hex;

    public string Hex { get; }

    /// <summary>The first 12 hex digits, printed in each page's identity code.</summary>
    public string Prefix => Hex[..12];

    public static ElectionHash Of(ReadOnlySpan<byte> definitionBytes) =>
        new(Convert.ToHexStringLower(SHA256.HashData(definitionBytes)));

    public override string ToString() => Hex;
}
