using System.Security.Cryptography;
using Miljofyrtarn.Core.Diagnostics;

namespace Miljofyrtarn.Core.Storage;

/// <summary>
/// The key a host signs and checks <see cref="ChainStatement"/>s with: a secret for an HMAC-SHA256 (one key signs and
/// checks; keep it out of the store's reach), or an ECDSA P-256 key pair (the private key signs; anyone with the public
/// key checks, so a published statement can be checked by the public). Keys come from the host's configuration or key
/// vault; the library never stores or logs them.
/// </summary>
/// <remarks>Thread-safe. Dispose it to release the key; it does not dispose an <see cref="ECDsa"/> it was given.</remarks>
public sealed class ChainStatementKey : IDisposable
{
    /// <summary>The algorithm name of an HMAC key in a statement: <c>HS256</c>.</summary>
    public const string HmacAlgorithm = "HS256";

    /// <summary>The algorithm name of an ECDSA P-256 key in a statement: <c>ES256</c>.</summary>
    public const string EcdsaAlgorithm = "ES256";

    /// <summary>The shortest HMAC secret accepted: 32 bytes, the strength of SHA-256.</summary>
    public const int MinimumSecretLength = 32;

    private readonly byte[]? _secret;
    private readonly ECDsa? _ecdsa;

    private ChainStatementKey(string algorithm, string keyId, byte[]? secret, ECDsa? ecdsa)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        _secret = secret;
        _ecdsa = ecdsa;
    }

    /// <summary>The algorithm: <see cref="HmacAlgorithm"/> or <see cref="EcdsaAlgorithm"/>.</summary>
    public string Algorithm { get; }

    /// <summary>The host's name for the key, written into each statement so that a verifier picks the right key (for example after a rotation).</summary>
    public string KeyId { get; }

    /// <summary>An HMAC-SHA256 key from a host-held secret.</summary>
    /// <param name="secret">The secret, at least <see cref="MinimumSecretLength"/> bytes; copied.</param>
    /// <param name="keyId">The key's name: 1 to 64 characters of valid text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="MiljofyrtarnException">The secret is too short, or the key ID blank, too long or not valid text.</exception>
    public static ChainStatementKey Hmac(ReadOnlySpan<byte> secret, string keyId)
    {
        CheckKeyId(keyId);
        if (secret.Length < MinimumSecretLength)
        {
            throw Problems.Single(ErrorCodes.NumberOutOfRange, "secret", secret.Length, MinimumSecretLength, int.MaxValue);
        }

        return new ChainStatementKey(HmacAlgorithm, keyId, secret.ToArray(), null);
    }

    /// <summary>An ECDSA key on the P-256 curve: with its private key it signs and checks; with only its public key it checks.</summary>
    /// <param name="key">The key; not disposed by this object, so keep it alive as long as this one.</param>
    /// <param name="keyId">The key's name: 1 to 64 characters of valid text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="MiljofyrtarnException">The key is not on P-256, or the key ID blank, too long or not valid text.</exception>
    public static ChainStatementKey Ecdsa(ECDsa key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckKeyId(keyId);
        if (key.KeySize != 256)
        {
            throw Problems.Single(ErrorCodes.InvalidValue, key.KeySize, "P-256");
        }

        return new ChainStatementKey(EcdsaAlgorithm, keyId, null, key);
    }

    /// <summary>Signs the statement's bytes.</summary>
    internal byte[] Sign(byte[] data)
    {
        if (_secret is not null)
        {
            return HMACSHA256.HashData(_secret, data);
        }

        try
        {
            return _ecdsa!.SignData(data, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException exception)
        {
            // A public key only: it checks statements but cannot sign them.
            throw new MiljofyrtarnException([new Diagnostic(ErrorCodes.InvalidValue, ["publicKey", "private key"])], exception);
        }
    }

    /// <summary>Whether a signature over the bytes is this key's.</summary>
    internal bool Verify(byte[] data, byte[] signature)
    {
        if (_secret is not null)
        {
            return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_secret, data), signature);
        }

        try
        {
            return _ecdsa!.VerifyData(data, signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Clears the HMAC secret from memory.</summary>
    public void Dispose()
    {
        if (_secret is not null)
        {
            CryptographicOperations.ZeroMemory(_secret);
        }
    }

    private static void CheckKeyId(string keyId)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw Problems.Single(ErrorCodes.BlankText, "keyId");
        }

        if (keyId.Length > 64)
        {
            throw Problems.Single(ErrorCodes.TextTooLong, "keyId", keyId.Length, 64);
        }

        if (TextRules.FirstInvalid(keyId, multiline: false) is { } at)
        {
            throw Problems.Single(ErrorCodes.InvalidText, "keyId", TextRules.Describe(keyId, at), at + 1);
        }
    }
}
