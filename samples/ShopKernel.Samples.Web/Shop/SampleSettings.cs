using System.Security.Cryptography;
using System.Text.Json;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The sample's own settings (section <c>Sample</c>) and the secrets it needs. Secrets come from configuration (user
/// secrets, environment variables such as <c>ShopKernel__Tokens__SigningKeys__0</c>); when absent, the sample makes
/// them once and keeps them in its data folder, so links in written mails keep working after a restart.
/// </summary>
public sealed class SampleSettings
{
    /// <summary>Where the SQLite file, the written mails and the generated secrets live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where sample mails are written, one <c>.eml</c> file each.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>The key that opens the staff page (<c>/staff?key=…</c>).</summary>
    public required string StaffKey { get; init; }

    /// <summary>Signs verification, confirmation and unsubscribe tokens.</summary>
    public required string SigningKey { get; init; }

    /// <summary>Keys the stop list's hashes.</summary>
    public required string StopListHashKey { get; init; }

    /// <summary>Reads the settings, making and keeping the missing secrets.</summary>
    public static SampleSettings Load(IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(configuration["Sample:DataDirectory"] ?? Path.Combine(contentRoot, "App_Data"), contentRoot);
        Directory.CreateDirectory(dataDirectory);
        var generated = GeneratedSecrets.LoadOrCreate(Path.Combine(dataDirectory, "sample-secrets.json"));
        return new SampleSettings
        {
            DataDirectory = dataDirectory,
            StaffKey = configuration["Sample:StaffKey"] ?? generated.StaffKey,
            SigningKey = configuration["ShopKernel:Tokens:SigningKeys:0"] ?? generated.SigningKey,
            StopListHashKey = configuration["ShopKernel:StopList:HashKeys:0"] ?? generated.StopListHashKey,
        };
    }

    private sealed record GeneratedSecrets(string StaffKey, string SigningKey, string StopListHashKey)
    {
        public static GeneratedSecrets LoadOrCreate(string path)
        {
            if (File.Exists(path))
            {
                return JsonSerializer.Deserialize<GeneratedSecrets>(File.ReadAllText(path))
                    ?? throw new InvalidOperationException($"{path} is empty; delete it to make new sample secrets.");
            }

            var secrets = new GeneratedSecrets(
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.WriteAllText(path, JsonSerializer.Serialize(secrets));
            return secrets;
        }
    }
}
