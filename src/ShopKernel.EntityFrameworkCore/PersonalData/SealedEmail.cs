namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// An e-mail address is sealed together with its normalised form (the contact key it is matched by), one line each,
/// so that the key reads back exactly as it was derived when stored, whatever the normalisation rules are today.
/// Neither can hold a line break: the contact rules refuse control characters.
/// </summary>
internal static class SealedEmail
{
    public static string? Join(string? email, string? emailKey) => email is null ? null : email + "\n" + (emailKey ?? email);

    public static (string? Email, string? EmailKey) Split(string? joined)
    {
        if (joined is null)
        {
            return (null, null);
        }

        var split = joined.LastIndexOf('\n');
        return split < 0 ? (joined, joined) : (joined[..split], joined[(split + 1)..]);
    }
}
