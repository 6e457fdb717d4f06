using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// A customer's e-mail address is sealed together with its normalised form (the contact key it is matched by), one
/// line each, so that the key reads back exactly as it was derived when stored, whatever the normalisation rules are
/// today. Neither can hold a line break: the contact rules refuse control characters.
/// </summary>
internal static class SealedEmail
{
    /// <summary>The stored form of a customer's address and its key, or <see langword="null"/> for none.</summary>
    public static string? Seal(DataKey key, string? email, string? emailKey) =>
        key.Seal(SealedColumns.CustomerEmail, email is null ? null : email + "\n" + (emailKey ?? email));

    /// <summary>The address and its key a stored value holds; both <see langword="null"/> for none.</summary>
    public static (string? Email, string? EmailKey) Open(DataKey key, string? sealedEmail)
    {
        if (key.Open(SealedColumns.CustomerEmail, sealedEmail) is not { } joined)
        {
            return (null, null);
        }

        var split = joined.LastIndexOf('\n');
        return split < 0 ? (joined, joined) : (joined[..split], joined[(split + 1)..]);
    }
}
