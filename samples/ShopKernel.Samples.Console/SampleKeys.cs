using System.Security.Cryptography;
using System.Text.Json;

namespace ShopKernel.Samples.ConsoleApp;

/// <summary>
/// The sample's generated personal-data keys, kept in a file beside its database (readable by this user only) so that
/// a later run opens what an earlier one sealed. A shop keeps its keys in a vault, apart from the database.
/// </summary>
internal sealed record SampleKeys(string EncryptionKey, string IndexKey)
{
    public static SampleKeys LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<SampleKeys>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it together with the database to start afresh.");
        }

        var keys = new SampleKeys(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(JsonSerializer.Serialize(keys));
        }

        return keys;
    }
}
