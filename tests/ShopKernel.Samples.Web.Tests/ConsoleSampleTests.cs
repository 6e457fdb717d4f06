using System.Reflection;
using Microsoft.Data.Sqlite;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>README's main job, the console sample on a SQLite file, run as a host runs it: its own process.</summary>
public sealed class ConsoleSampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shopkernel-console-").FullName;

    private string DatabasePath => Path.Combine(_directory, "shop.db");

    private static string SampleDll => typeof(ConsoleSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ConsoleSample").Value!;

    private Task<ProcessResult> RunAsync() =>
        ProcessRunner.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [SampleDll, DatabasePath], _directory, TimeSpan.FromMinutes(2));

    [Fact]
    public async Task The_main_job_runs_every_capability_on_a_new_file_and_again_on_the_same_file()
    {
        Assert.True(File.Exists(SampleDll), $"The console sample is not built at {SampleDll}.");

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Succeeded, first.Describe());
        Assert.True(second.Succeeded, second.Describe());
        foreach (var expected in new[]
        {
            "a double click returns the same order: True", "Mug week: 10%", "Order history", "Confirmed: Subscribed",
            "Cancelled: Cancelled by Olga Petrova (customer_request", "the same request again is a replay: True", "Mugs in stock:  16 -> 21",
            "-> 120.84 EUR over 3 orders", "Loyalty tier: 10% (lifetime spend", "-> Loyalty tier: 5% (3 orders", "Shipping the cancelled order: order.transition_invalid",
            "Returned 1 x Mug worth 7.23 EUR (unwanted); restocked: True; still Delivered; the same return again is a replay: True",
            "Refund recorded: 7.23 EUR under card-refund-SK-", "Order totals:   bought 14.45 EUR, returned 7.23 EUR, refunded 7.23 EUR, net 7.22 EUR",
            "Mugs in stock:  21 -> 22", "120.84 EUR over 3 orders -> 113.61 EUR over 3 orders", "Refunding the whole total again: order.refund_exceeds_paid (refundable 7.22 EUR)",
            "One-click unsubscribe: 1 withdrawn", "Erased: profile True", "checkout.payment_method_not_allowed", "Paying by card: Placed",
            "Audit trail: Added by shopkernel:refused-deliveries → Removed by olga", ": stoplist.remove by Olga Petrova (entry ",
        })
        {
            Assert.Contains(expected, first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains(expected, second.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_made_by_an_earlier_version_gets_a_clear_message_instead_of_a_failed_query()
    {
        Assert.True((await RunAsync()).Succeeded);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE shopkernel_promotions; DROP INDEX ix_shopkernel_orders_email_key; ALTER TABLE shopkernel_orders DROP COLUMN email_key;";
            await drop.ExecuteNonQueryAsync();
        }

        var run = await RunAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("lacks ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("shopkernel_orders.email_key", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("shopkernel_promotions", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Delete it", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
