using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ShopKernel.Customers;
using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The configured staff accounts and their sign-in: the password is checked by ShopKernel's
/// <see cref="PasswordCredentials"/> (PBKDF2, constant-time comparison), an unknown user name costs a check against a
/// decoy hash all the same, and failures in a row lock the account for a while (counted in memory, so a restart ends a
/// lockout). Every failure looks the same to the person signing in.
/// </summary>
public sealed class StaffDirectory
{
    private readonly Dictionary<string, Slot> _accounts;
    private readonly PasswordCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly Lazy<PasswordCredential> _decoy;

    public StaffDirectory(SampleSettings settings, PasswordCredentials credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _credentials = credentials;
        _time = time;
        _accounts = settings.StaffAccounts.ToDictionary(a => a.UserName, a => new Slot(a), StringComparer.OrdinalIgnoreCase);
        _decoy = new Lazy<PasswordCredential>(() => credentials.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))).Value);
    }

    /// <summary>The account with this user name (in any case), or <see langword="null"/>.</summary>
    public StaffAccount? Find(string? userName) =>
        userName is not null && _accounts.TryGetValue(userName, out var slot) ? slot.Account : null;

    /// <summary>The account whose password this is, or <see langword="null"/> for a wrong password, an unknown user name or a locked account alike.</summary>
    public StaffAccount? SignIn(string? userName, string? password)
    {
        var now = _time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(userName) || !_accounts.TryGetValue(userName.Trim(), out var slot))
        {
            // No such account: the same work as a wrong password, so the answer's timing does not tell them apart.
            _credentials.Check(_decoy.Value, password, now);
            return null;
        }

        lock (slot)
        {
            var check = _credentials.Check(slot.Credential, password, now);
            if (check.Outcome == PasswordCheckOutcome.LockedOut)
            {
                _credentials.Check(_decoy.Value, password, now);
            }

            slot.Credential = check.Credential;
            return check.Outcome == PasswordCheckOutcome.Succeeded ? slot.Account : null;
        }
    }

    /// <summary>
    /// A fingerprint of what an account's sign-in grants (its name, password hash and permissions), kept in the cookie:
    /// a cookie issued before the account changed, or was removed, no longer signs anyone in.
    /// </summary>
    public static string StampOf(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var text = string.Join('\n', [account.UserName, account.DisplayName, account.PasswordHash, .. account.Permissions.Order(StringComparer.Ordinal)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>The signed-in principal of an account: its user name, display name, permissions and stamp as claims.</summary>
    public static ClaimsPrincipal PrincipalOf(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.DisplayName),
            new(StaffUser.StampClaim, StampOf(account)),
        };
        claims.AddRange(account.Permissions.Order(StringComparer.Ordinal).Select(p => new Claim(StaffUser.PermissionClaim, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffUser.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private sealed class Slot(StaffAccount account)
    {
        public StaffAccount Account { get; } = account;

        public PasswordCredential Credential { get; set; } = new(account.PasswordHash, 0, null);
    }
}

/// <summary>Reads the signed-in member of staff from the request's principal.</summary>
public static class StaffUser
{
    /// <summary>The authentication scheme of the staff cookie.</summary>
    public const string Scheme = "Staff";

    /// <summary>The authorization policy every staff page requires: signed in with <see cref="Scheme"/>.</summary>
    public const string Policy = "Staff";

    /// <summary>The claim type of one permission the member of staff holds.</summary>
    public const string PermissionClaim = "shopkernel.sample/permission";

    /// <summary>The claim type of the account's stamp (<see cref="StaffDirectory.StampOf"/>).</summary>
    public const string StampClaim = "shopkernel.sample/stamp";

    /// <summary>The member of staff signed in, or <see langword="null"/>.</summary>
    public static StaffActor? ActorOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } identity
        && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
        && identity.Name is { Length: > 0 } name
            ? new StaffActor(id, name)
            : null;

    /// <summary>Whether the signed-in member of staff holds <paramref name="permission"/>.</summary>
    public static bool Has(ClaimsPrincipal? user, string permission) =>
        ActorOf(user) is not null && user!.HasClaim(PermissionClaim, permission);
}
