using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// Where staff accounts come from: the first run's owner account (its password written once to a file in the data
/// folder, only the file's path logged), the configuration (hashes only, known permissions only), and the
/// <c>hash-password</c> command that makes a hash.
/// </summary>
public sealed partial class StaffAccountTests
{
    /// <summary>The shop with no staff account configured, on the data folder given.</summary>
    private sealed class FirstRunShop(string dataDirectory, bool ownsDataDirectory) : SampleShopFactory(dataDirectory, ownsDataDirectory)
    {
        protected override bool ConfiguresStaff => false;
    }

    [Fact]
    public async Task The_first_run_makes_an_owner_whose_password_is_written_once_to_a_file_and_never_logged()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "shopkernel-web-tests", Guid.NewGuid().ToString("N"));
        var passwordFile = Path.Combine(dataDirectory, SampleSettings.OwnerPasswordFileName);
        string written, password;
        await using (var first = new FirstRunShop(dataDirectory, ownsDataDirectory: false))
        {
            using var owner = new ShopBrowserlessClient(first, keepsCookies: true);
            Assert.True(File.Exists(passwordFile));
            written = await File.ReadAllTextAsync(passwordFile);
            password = Regex.Match(written, "^Password: (\\S+)$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){5}$", password);
            Assert.Contains($"User name: {StaffAccount.OwnerUserName}", written, StringComparison.Ordinal);
            Assert.Equal((byte)'S', (await File.ReadAllBytesAsync(passwordFile))[0]);   // plain UTF-8, no byte order mark
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
            }

            await owner.SignInAsStaffAsync(StaffAccount.OwnerUserName, password, "/staff/access-log");
            Assert.Equal(HttpStatusCode.OK, owner.Status);
            Assert.Equal("Signed in as Shop owner (owner)", owner.Text("staff-signed-in"));
            await owner.GetAsync("/staff/");
            Assert.Contains("id=\"export-all\"", owner.Html, StringComparison.Ordinal);
            Assert.Contains("id=\"send-newsletter\"", owner.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"staff-not-permitted\"", owner.Html, StringComparison.Ordinal);

            Assert.Contains(first.LogLines, l => l.Contains(passwordFile, StringComparison.Ordinal) && l.StartsWith("Warning", StringComparison.Ordinal));
            Assert.All(first.LogLines, l => Assert.DoesNotContain(password, l, StringComparison.Ordinal));
            Assert.All(owner.Seen, r => Assert.DoesNotContain(password, r, StringComparison.Ordinal));
            Assert.DoesNotContain(password, await File.ReadAllTextAsync(Path.Combine(dataDirectory, SampleSettings.SecretsFileName)), StringComparison.Ordinal);
        }

        // Started again: the file is not written again, and its password still signs the owner in.
        await using var second = new FirstRunShop(dataDirectory, ownsDataDirectory: true);
        using var again = new ShopBrowserlessClient(second, keepsCookies: true);
        await again.SignInAsStaffAsync(StaffAccount.OwnerUserName, password, "/staff/");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(written, await File.ReadAllTextAsync(passwordFile));
        Assert.Contains(second.LogLines, l => l.Contains(passwordFile, StringComparison.Ordinal));

        // Deleted once read: the owner keeps the password, the log no longer points anywhere.
        File.Delete(passwordFile);
        Assert.Null(SampleSettings.Load(Configuration(("Sample:DataDirectory", dataDirectory)), dataDirectory).OwnerPasswordFile);
        Assert.False(File.Exists(passwordFile));
    }

    [Fact]
    public void Configured_accounts_take_a_hash_and_known_permissions_and_replace_the_first_run_owner()
    {
        var hash = SampleSettings.HashPassword("a password long enough").Value;
        var directory = Directory.CreateTempSubdirectory("shopkernel-staff-").FullName;
        try
        {
            var settings = SampleSettings.Load(Configuration(
                ("Sample:DataDirectory", directory),
                ("Sample:Staff:ada:DisplayName", "Ada Lovelace"),
                ("Sample:Staff:ada:PasswordHash", hash),
                ("Sample:Staff:ada:Permissions:0", StaffPermissions.OrdersManage),
                ("Sample:Staff:ada:Permissions:1", SamplePermissions.NewsletterSend)), directory);

            var ada = Assert.Single(settings.StaffAccounts);
            Assert.Equal(("ada", "Ada Lovelace", hash), (ada.UserName, ada.DisplayName, ada.PasswordHash));
            Assert.Equal([SamplePermissions.NewsletterSend, StaffPermissions.OrdersManage], ada.Permissions.Order(StringComparer.Ordinal));
            Assert.Null(settings.OwnerPasswordFile);
            Assert.False(File.Exists(Path.Combine(directory, SampleSettings.OwnerPasswordFileName)));
            Assert.DoesNotContain(hash, ada.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Every_configured_signing_key_is_used_in_order_and_the_generated_one_only_without_any()
    {
        var directory = Directory.CreateTempSubdirectory("shopkernel-keys-").FullName;
        try
        {
            var generated = SampleSettings.Load(Configuration(("Sample:DataDirectory", directory)), directory);
            var rotated = SampleSettings.Load(Configuration(
                ("Sample:DataDirectory", directory),
                ("ShopKernel:Tokens:SigningKeys:1", generated.SigningKeys[0]),
                ("ShopKernel:Tokens:SigningKeys:0", "new-key"),
                ("ShopKernel:StopList:HashKeys:0", "new-hash-key")), directory);

            Assert.Single(generated.SigningKeys);
            Assert.Equal(["new-key", generated.SigningKeys[0]], rotated.SigningKeys);
            Assert.Equal(["new-hash-key"], rotated.StopListHashKeys);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Password", "plain text", "never a plain password")]
    [InlineData("PasswordHash", "not-a-hash", "PasswordHash is missing or is not a hash")]
    [InlineData("Permissions:0", "customers.everything", "'customers.everything', which is not a permission")]
    public void A_misconfigured_account_stops_the_start_with_what_is_wrong(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sample:Staff:ada:DisplayName"] = "Ada Lovelace",
            ["Sample:Staff:ada:PasswordHash"] = SampleSettings.HashPassword("a password long enough").Value,
            [$"Sample:Staff:ada:{key}"] = value,
        };

        var error = Assert.Throws<InvalidOperationException>(() => StaffAccount.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(StaffAccount.Section)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hash_password_command_hashes_a_password_read_from_standard_input()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("hash-password");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("the staff password");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, error);
        var hash = output.Trim();
        Assert.DoesNotContain("the staff password", output + error, StringComparison.Ordinal);

        // The hash it printed signs the member of staff in.
        var account = Assert.Single(StaffAccount.FromConfiguration(Configuration(("Sample:Staff:ada:PasswordHash", hash)).GetSection(StaffAccount.Section)));
        var directory = new StaffDirectory(
            new SampleSettings { DataDirectory = Path.GetTempPath(), SigningKeys = ["k"], StopListHashKeys = ["k"], PersonalDataKeys = ["k"], IndexKey = "k", StaffAccounts = [account] },
            new Customers.PasswordCredentials(Microsoft.Extensions.Options.Options.Create(new DependencyInjection.ShopKernelOptions())),
            TimeProvider.System);
        Assert.Equal(account, directory.SignIn("ada", "the staff password"));
        Assert.Null(directory.SignIn("ada", "another password"));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
}
