using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.EntityFrameworkCore.Carts;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>
/// Add-to-cart on a SQLite file: ShopKernel's service over the EF store, beside raw ADO.NET sending the same two
/// statements (read the cart row, version-guarded UPDATE) with the same in-memory work.
/// </summary>
[MemoryDiagnoser]
public class SqliteAddToCartBenchmarks
{
    private static readonly CartOptions Limits = new() { MaxQuantityPerLine = 1_000_000 };
    private string _directory = null!;
    private string _connectionString = null!;
    private ServiceProvider _services = null!;
    private CartToken _efCart;
    private CartToken _rawCart;
    private CartItem _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "shopkernel-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "bench.db") }.ToString();

        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(o => o.UseSqlite(_connectionString));
        services.AddShopKernel(o => o.Carts.MaxQuantityPerLine = Limits.MaxQuantityPerLine).AddEntityFrameworkStores<BenchShopContext>();
        _services = services.BuildServiceProvider();

        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            var carts = scope.ServiceProvider.GetRequiredService<CartService>();
            _efCart = NewCart(carts);
            _rawCart = NewCart(carts);
        }

        _item = Item(0);
    }

    private static CartToken NewCart(CartService carts)
    {
        var token = carts.CreateAsync(Currency.EUR).GetAwaiter().GetResult().Value.Token;
        for (var i = 0; i < 5; i++)
        {
            carts.AddItemAsync(token, Item(i)).GetAwaiter().GetResult();
        }

        return token;
    }

    private static CartItem Item(int i) =>
        new("product-" + i, "SKU-" + i, "Product " + i, new Money(1999, Currency.EUR), 1)
        {
            Options = LineOptions.From(("colour", "red"), ("design", "d" + i)),
            PictureUrl = $"https://cdn.example.com/catalogue/product-{i}.jpg",
        };

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public async Task<Cart> RawAdoNet()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        var record = await RawCartReader.ReadAsync(connection, _rawCart.Value);

        var cart = CartRecordMapper.ToCart(record);
        var now = DateTimeOffset.UtcNow;
        cart.AddItem(_item, Limits, now);
        var expected = cart.Version;
        cart.Version++;
        cart.UpdatedAt = now;
        cart.ExpiresAt = now + Limits.GuestCartLifetime;
        CartRecordMapper.CopyState(cart, record);

        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE "shopkernel_carts" SET "customer_id" = @customer, "currency" = @currency, "lines" = @lines, "line_count" = @lineCount,
                "total_quantity" = @quantity, "subtotal" = @subtotal, "next_line_id" = @next, "version" = @version,
                "updated_at" = @updated, "expires_at" = @expires
            WHERE "id" = @id AND "version" = @expected
            """;
        update.Parameters.AddWithValue("@customer", (object?)record.CustomerId?.ToString().ToUpperInvariant() ?? DBNull.Value);
        update.Parameters.AddWithValue("@currency", record.Currency);
        update.Parameters.AddWithValue("@lines", record.Lines);
        update.Parameters.AddWithValue("@lineCount", record.LineCount);
        update.Parameters.AddWithValue("@quantity", record.TotalQuantity);
        update.Parameters.AddWithValue("@subtotal", record.Subtotal);
        update.Parameters.AddWithValue("@next", record.NextLineId);
        update.Parameters.AddWithValue("@version", record.Version);
        update.Parameters.AddWithValue("@updated", record.UpdatedAt);
        update.Parameters.AddWithValue("@expires", record.ExpiresAt);
        update.Parameters.AddWithValue("@id", record.Id.ToString().ToUpperInvariant());
        update.Parameters.AddWithValue("@expected", expected);
        if (await update.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The raw update lost its row.");
        }

        return cart;
    }

    [Benchmark(Description = "ShopKernel + EF Core")]
    public async Task<Cart> ShopKernelEfCore()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CartService>().AddItemAsync(_efCart, _item);
        return result.Value;
    }
}
