using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The sample's own settings (section <c>Sample</c>) and the secrets it needs. Secrets come from configuration (user
/// secrets, environment variables such as <c>ShopKernel__Tokens__SigningKeys__0</c>); when absent, the sample makes
/// them once and keeps them in its data folder, so links in written mails keep working after a restart.
/// </summary>
public sealed class SampleSettings
{
    /// <summary>The file in the data folder that holds the generated secrets.</summary>
    public const string SecretsFileName = "sample-secrets.json";

    /// <summary>The file in the data folder the first owner account's password is written to, once.</summary>
    public const string OwnerPasswordFileName = "staff-owner-password.txt";

    /// <summary>Where the SQLite file, the written mails and the generated secrets live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where sample mails are written, one <c>.eml</c> file each.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Where ASP.NET Core Data Protection keeps its keys (staff cookies, customer sessions).</summary>
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    /// <summary>
    /// Sign verification, confirmation and unsubscribe tokens and key the access log's chain: those of
    /// <c>ShopKernel:Tokens:SigningKeys</c> in order (the first signs, all verify), else the generated one.
    /// </summary>
    public required IReadOnlyList<string> SigningKeys { get; init; }

    /// <summary>Key the stop list's hashes: those of <c>ShopKernel:StopList:HashKeys</c> in order (the first hashes new entries), else the generated one.</summary>
    public required IReadOnlyList<string> StopListHashKeys { get; init; }

    /// <summary>
    /// Wrap the data keys personal data is sealed under: those of <c>ShopKernel:PersonalData:EncryptionKeys</c> in order
    /// (the first wraps new keys, all unwrap), else the generated one.
    /// </summary>
    public required IReadOnlyList<string> PersonalDataKeys { get; init; }

    /// <summary>Key the blind indexes that find customers by contact: <c>ShopKernel:PersonalData:IndexKey</c>, else the generated one.</summary>
    public required string IndexKey { get; init; }

    /// <summary>The staff accounts: those of <c>Sample:Staff</c>, or the generated owner when none is configured.</summary>
    public required IReadOnlyList<StaffAccount> StaffAccounts { get; init; }

    /// <summary>
    /// The file holding the generated owner's first password, while no staff account is configured and the file is
    /// still there; <see langword="null"/> otherwise.
    /// </summary>
    public string? OwnerPasswordFile { get; init; }

    /// <summary>Reads the settings, making and keeping the missing secrets.</summary>
    public static SampleSettings Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = Path.GetFullPath(configuration["Sample:DataDirectory"] ?? Path.Combine(contentRoot, "App_Data"), contentRoot);
        Directory.CreateDirectory(dataDirectory);
        var secretsPath = Path.Combine(dataDirectory, SecretsFileName);
        var generated = GeneratedSecrets.LoadOrCreate(secretsPath);

        var accounts = StaffAccount.FromConfiguration(configuration.GetSection(StaffAccount.Section));
        string? ownerPasswordFile = null;
        if (accounts.Count == 0)
        {
            var passwordFile = Path.Combine(dataDirectory, OwnerPasswordFileName);
            var ownerHash = generated.OwnerPasswordHash;
            if (ownerHash is null)
            {
                // The password goes to its file first: a start that stops in between makes a new one next time.
                ownerHash = WriteOwnerPassword(passwordFile);
                (generated with { OwnerPasswordHash = ownerHash }).Save(secretsPath);
            }

            accounts = [StaffAccount.Owner(ownerHash)];
            ownerPasswordFile = File.Exists(passwordFile) ? passwordFile : null;
        }

        return new SampleSettings
        {
            DataDirectory = dataDirectory,
            SigningKeys = Keys(configuration.GetSection("ShopKernel:Tokens:SigningKeys"), generated.SigningKey),
            StopListHashKeys = Keys(configuration.GetSection("ShopKernel:StopList:HashKeys"), generated.StopListHashKey),
            PersonalDataKeys = Keys(configuration.GetSection("ShopKernel:PersonalData:EncryptionKeys"), generated.PersonalDataKey!),
            IndexKey = configuration["ShopKernel:PersonalData:IndexKey"] is { Length: > 0 } indexKey ? indexKey.Trim() : generated.IndexKey!,
            StaffAccounts = accounts,
            OwnerPasswordFile = ownerPasswordFile,
        };
    }

    /// <summary>The keys of a list setting (<c>…:0</c>, <c>…:1</c>, in that order), or the generated key when none is set.</summary>
    private static List<string> Keys(IConfigurationSection section, string generated)
    {
        var keys = section.GetChildren()
            .Select(c => (Index: int.TryParse(c.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue, c.Value))
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .OrderBy(c => c.Index)
            .Select(c => c.Value!.Trim())
            .ToList();
        return keys.Count > 0 ? keys : [generated];
    }

    /// <summary>Hashes a staff password as ShopKernel hashes customers' (<see cref="PasswordCredentials"/>), for <c>Sample:Staff:…:PasswordHash</c>.</summary>
    /// <returns>The hash, or the error of a password too short, too long or holding control characters.</returns>
    public static Result<string> HashPassword(string? password)
    {
        var created = new PasswordCredentials(Options.Create(new ShopKernelOptions())).Create(password);
        return created.TryGetValue(out var credential) ? credential.Hash : Result<string>.Fail(created.Error!);
    }

    /// <summary>Makes the first owner's password, writes it (readable by this user only) and returns its hash; the password itself is kept nowhere else.</summary>
    private static string WriteOwnerPassword(string path)
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var password = string.Join('-', Enumerable.Range(0, 6).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));
        var hash = HashPassword(password).Value;
        WriteSecretFile(path, $"""
            ShopKernel sample shop: the first staff account.
            User name: {StaffAccount.OwnerUserName}
            Password: {password}

            Sign in at /staff/signin. Then configure your own staff accounts (Sample:Staff, see docs/web-sample.md)
            and delete this file; the password is not stored anywhere else.

            """);
        return hash;
    }

    /// <summary>Writes a file that only the shop's own user may read (on Unix; on Windows the folder's permissions apply).</summary>
    internal static void WriteSecretFile(string path, string contents)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(contents);
    }

    private sealed record GeneratedSecrets(string SigningKey, string StopListHashKey, string? OwnerPasswordHash, string? PersonalDataKey = null, string? IndexKey = null)
    {
        public static GeneratedSecrets LoadOrCreate(string path)
        {
            if (File.Exists(path))
            {
                var stored = JsonSerializer.Deserialize<GeneratedSecrets>(File.ReadAllText(path))
                    ?? throw new InvalidOperationException($"{path} is empty; delete it to make new sample secrets.");
                if (stored.PersonalDataKey is null || stored.IndexKey is null)
                {
                    // A secrets file from before personal data was sealed gains its keys once.
                    stored = stored with { PersonalDataKey = stored.PersonalDataKey ?? NewKey(), IndexKey = stored.IndexKey ?? NewKey() };
                    stored.Save(path);
                }

                return stored;
            }

            var secrets = new GeneratedSecrets(NewKey(), NewKey(), null, NewKey(), NewKey());
            secrets.Save(path);
            return secrets;
        }

        private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        public void Save(string path) => WriteSecretFile(path, JsonSerializer.Serialize(this));
    }
}
