using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Carts;
using ShopKernel.EntityFrameworkCore.Carts;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>
/// Add-to-cart through ShopKernel's service over the EF store, beside raw ADO.NET sending the same two statements
/// (read the cart row, version-guarded UPDATE) with the same in-memory work; one 5-line cart per caller and side.
/// </summary>
public sealed class AddToCartFixture : IDisposable
{
    private static readonly CartOptions Limits = new() { MaxQuantityPerLine = 1_000_000 };
    private static readonly CartItem Added = Item(0);
    private readonly BenchDatabase _database;
    private readonly ServiceProvider _services;
    private readonly CartToken[] _efCarts;
    private readonly CartToken[] _rawCarts;

    public AddToCartFixture(string provider, int callers)
    {
        _database = BenchDatabase.Create(provider);
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(_database.Configure);
        services.AddShopKernel(o =>
        {
            o.Carts.MaxQuantityPerLine = Limits.MaxQuantityPerLine;
            BenchPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<BenchShopContext>();
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
        db.Database.EnsureCreated();
        if (!_database.IsPostgres)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        var carts = scope.ServiceProvider.GetRequiredService<CartService>();
        _efCarts = [.. Enumerable.Range(0, callers).Select(_ => NewCart(carts))];
        _rawCarts = [.. Enumerable.Range(0, callers).Select(_ => NewCart(carts))];
    }

    public string Provider => _database.Provider;

    /// <summary>Adds one unit to the first line of caller <paramref name="caller"/>'s cart in plain ADO.NET.</summary>
    public async Task<Cart> RawAddAsync(int caller = 0)
    {
        await using var connection = _database.OpenConnection();
        var record = await RawCartReader.ReadAsync(connection, _rawCarts[caller].Value);

        var cart = CartRecordMapper.ToCart(record);
        var now = DateTimeOffset.UtcNow;
        cart.AddItem(Added, Limits, now);
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
        Add(update, "@customer", record.CustomerId is { } customer ? Id(customer) : null);
        Add(update, "@currency", record.Currency);
        Add(update, "@lines", record.Lines);
        Add(update, "@lineCount", record.LineCount);
        Add(update, "@quantity", record.TotalQuantity);
        Add(update, "@subtotal", record.Subtotal);
        Add(update, "@next", record.NextLineId);
        Add(update, "@version", record.Version);
        Add(update, "@updated", record.UpdatedAt);
        Add(update, "@expires", record.ExpiresAt);
        Add(update, "@id", Id(record.Id));
        Add(update, "@expected", expected);
        if (await update.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The raw update lost its row.");
        }

        return cart;
    }

    /// <summary>Adds one unit to the first line of caller <paramref name="caller"/>'s cart through ShopKernel, in its own scope.</summary>
    public async Task<Cart> ShopKernelAddAsync(int caller = 0)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CartService>().AddItemAsync(_efCarts[caller], Added);
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error.ToString());
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Dispose();
    }

    private object Id(Guid id) => _database.IsPostgres ? id : id.ToString().ToUpperInvariant();

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
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
}
