using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.Customers;

namespace ShopKernel.Docs.Tests;

/// <summary>The README's quick start runs as shown: a host wired by it starts, and the first calls succeed.</summary>
public sealed class QuickStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shopkernel-quickstart-").FullName;

    [Fact]
    public async Task A_host_wired_as_the_quick_start_shows_starts_and_its_first_calls_succeed()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShopKernel:PersonalData:EncryptionKeys:0"] = Key(),
            ["ShopKernel:PersonalData:IndexKey"] = Key(),
            ["ShopKernel:Tokens:SigningKeys:0"] = Key(),
        });
        QuickStart.Wire(builder, new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "shop.db"), Pooling = false }.ToString());
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var customer = await scope.ServiceProvider.GetRequiredService<CustomerService>()
                .RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" });
            Assert.True(customer.Succeeded, customer.Error?.ToString());

            Assert.Null(await QuickStart.FirstCallsAsync(scope.ServiceProvider, customer.Value.Id));
        }

        await host.StopAsync();
    }

    [Fact]
    public void The_retries_storage_shows_are_the_contexts_execution_strategy()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Storage.WireWithRetries(builder, "Host=127.0.0.1;Database=shop;Username=shop");
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();

        var strategy = scope.ServiceProvider.GetRequiredService<ShopContext>().Database.CreateExecutionStrategy();

        Assert.True(strategy.RetriesOnFailure);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
