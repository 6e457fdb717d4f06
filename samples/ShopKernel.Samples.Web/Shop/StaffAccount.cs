using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// A member of staff who may sign in to the staff pages, from configuration (<c>Sample:Staff:{userName}</c>): their
/// display name, the hash of their password (never the password) and the permissions they hold.
/// </summary>
/// <param name="UserName">What they sign in with; also their id in the access log and in orders' histories.</param>
/// <param name="DisplayName">Their name as the staff pages and the records show it.</param>
/// <param name="PasswordHash">Their password's hash, made by <see cref="SampleSettings.HashPassword"/> (<c>hash-password</c>).</param>
/// <param name="Permissions">The names they hold: <see cref="StaffPermissions"/> and the sample's <see cref="SamplePermissions"/>.</param>
public sealed record StaffAccount(string UserName, string DisplayName, string PasswordHash, IReadOnlySet<string> Permissions)
{
    /// <summary>The configuration section of the accounts, one child per user name.</summary>
    public const string Section = "Sample:Staff";

    /// <summary>The user name of the owner account made on the first run.</summary>
    public const string OwnerUserName = "owner";

    /// <summary>Every permission an account may be given.</summary>
    public static IReadOnlyList<string> KnownPermissions { get; } = [.. StaffPermissions.All, .. SamplePermissions.All];

    /// <summary>The actor ShopKernel records for this account.</summary>
    public StaffActor Actor => new(UserName, DisplayName);

    /// <summary>The owner made on the first run, when no account is configured: every permission.</summary>
    public static StaffAccount Owner(string passwordHash) =>
        new(OwnerUserName, "Shop owner", passwordHash, new HashSet<string>(KnownPermissions, StringComparer.Ordinal));

    /// <summary>Hides the hash: an account never shows it in logs or exception messages.</summary>
    public override string ToString() => $"StaffAccount {{ UserName = {UserName}, DisplayName = {DisplayName}, Permissions = [{string.Join(", ", Permissions.Order(StringComparer.Ordinal))}] }}";

    /// <summary>Reads the accounts of <c>Sample:Staff</c>, refusing a plain password, a malformed hash or an unknown permission.</summary>
    /// <exception cref="InvalidOperationException">An account is not configured as it must be.</exception>
    public static IReadOnlyList<StaffAccount> FromConfiguration(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var accounts = new List<StaffAccount>();
        foreach (var child in section.GetChildren())
        {
            var where = $"{Section}:{child.Key}";
            if (child["Password"] is not null)
            {
                throw new InvalidOperationException($"{where}:Password is set: staff accounts take a PasswordHash, never a plain password. Make one with `dotnet run --project samples/ShopKernel.Samples.Web -- hash-password` and remove the Password setting.");
            }

            var userName = child.Key.Trim();
            var displayName = child["DisplayName"]?.Trim();
            var hash = child["PasswordHash"]?.Trim();
            if (!IsLine(userName) || (displayName is not null && !IsLine(displayName)))
            {
                throw new InvalidOperationException($"{where}: the user name and DisplayName must be single-line text of 1 to {StaffActor.MaxLength} characters.");
            }

            if (!IsPasswordHash(hash))
            {
                throw new InvalidOperationException($"{where}:PasswordHash is missing or is not a hash made by `dotnet run --project samples/ShopKernel.Samples.Web -- hash-password`.");
            }

            var permissions = child.GetSection("Permissions").GetChildren().Select(p => p.Value?.Trim()).OfType<string>().Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
            if (permissions.FirstOrDefault(p => !KnownPermissions.Contains(p, StringComparer.Ordinal)) is { } unknown)
            {
                throw new InvalidOperationException($"{where}:Permissions has '{unknown}', which is not a permission; use {string.Join(", ", KnownPermissions)}.");
            }

            if (accounts.Any(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"{where}: another account has the same user name.");
            }

            accounts.Add(new StaffAccount(userName, displayName ?? userName, hash!, permissions));
        }

        return accounts;
    }

    /// <summary>Whether the text can be a <see cref="StaffActor"/>'s id or display name: one line of printable text.</summary>
    private static bool IsLine(string text) =>
        text.Length is > 0 and <= StaffActor.MaxLength && !text.Any(char.IsControl) && !string.IsNullOrWhiteSpace(text);

    /// <summary>Whether the text is a hash in ASP.NET Core Identity's version 3 format (the one ShopKernel's hasher writes).</summary>
    private static bool IsPasswordHash(string? hash)
    {
        if (string.IsNullOrEmpty(hash) || hash.Length > 1024)
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var written) && written > 13 && bytes[0] == 0x01;
    }
}
