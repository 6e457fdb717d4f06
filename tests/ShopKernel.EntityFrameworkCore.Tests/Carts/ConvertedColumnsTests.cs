using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;

namespace ShopKernel.EntityFrameworkCore.Tests.Carts;

/// <summary>
/// A host whose model conventions convert every <see cref="DateTime"/> (here to a number) and every <see cref="Guid"/> (to
/// text): the cart's prepared reads go through the same converters as EF Core's own queries.
/// </summary>
[Trait("Provider", "SQLite")]
public sealed class SqliteConvertedColumnsTests
{
    [Fact]
    public async Task A_cart_reads_back_through_the_hosts_value_converters()
    {
        var directory = Directory.CreateTempSubdirectory("shopkernel-converted-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "shop.db")};Pooling=False";
        var services = new ServiceCollection();
        services.AddDbContext<ConvertingShopContext>(o => o.UseSqlite(connectionString));
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 0;
            TestPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<ConvertingShopContext>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConvertingShopContext>().Database.EnsureCreatedAsync();
        }

        Cart created;
        await using (var scope = provider.CreateAsyncScope())
        {
            var carts = scope.ServiceProvider.GetRequiredService<CartService>();
            created = (await carts.CreateAsync(Currency.EUR)).Value;
            Assert.True((await carts.AddItemAsync(created.Token, new CartItem("p-1", "TEE", "Tee", new Money(1999, Currency.EUR), 2))).Succeeded);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var read = (await scope.ServiceProvider.GetRequiredService<CartService>().GetAsync(created.Token)).Value;
            Assert.Equal(created.Id, read.Id);
            Assert.Equal(created.CreatedAt, read.CreatedAt);
            Assert.Equal(2, Assert.Single(read.Lines).Quantity);
            Assert.Equal(created.Version + 1, read.Version);

            var column = await scope.ServiceProvider.GetRequiredService<ConvertingShopContext>().Database
                .SqlQueryRaw<string>("SELECT typeof(created_at) AS \"Value\" FROM shopkernel_carts").SingleAsync();
            Assert.Equal("integer", column); // stored as a number: the converter really ran
        }

        directory.Delete(recursive: true);
    }

    private sealed class ConvertingShopContext(DbContextOptions<ConvertingShopContext> options) : DbContext(options)
    {
        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<long>();
            configurationBuilder.Properties<Guid>().HaveConversion<string>();
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
    }
}
