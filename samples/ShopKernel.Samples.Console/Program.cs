using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopKernel;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Samples.ConsoleApp;

// The main job on the embedded default: a SQLite file beside the sample (or the path given as the first argument).
var databasePath = Path.GetFullPath(args.Length > 0 ? args[0] : "shopkernel-sample.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDbContext<SampleShopContext>(options => options.UseSqlite(connectionString));
builder.Services
    .AddShopKernel(options => options.Carts.DefaultMergeStrategy = CartMergeStrategy.SumQuantities)
    .AddEntityFrameworkStores<SampleShopContext>();

using var host = builder.Build();
await host.StartAsync();

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SampleShopContext>();
    await db.Database.EnsureCreatedAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}

Console.WriteLine($"ShopKernel sample on {databasePath}");

await using (var scope = host.Services.CreateAsyncScope())
{
    var carts = scope.ServiceProvider.GetRequiredService<CartService>();

    // A visitor without an account (and without cookies): the token travels in the URL.
    var guestCart = (await carts.CreateAsync(Currency.EUR)).Value;
    Console.WriteLine($"Guest cart created; link: /cart?token={guestCart.Token}");

    var tee = new CartItem("tee-classic", "TEE-RED-M", "Classic tee", Money.Parse("19.90 EUR"), 2)
    {
        Options = LineOptions.From(("Colour", "Red"), ("Design", "Stripes"), ("Size", "M")),
        PictureUrl = "https://cdn.example.com/catalogue/tee-classic/red-stripes.jpg",
    };
    var mug = new CartItem("mug", "MUG-WHITE", "Mug", Money.Parse("8.50 EUR"), 1)
    {
        Options = LineOptions.From(("Design", "Cat")),
        PictureUrl = "https://cdn.example.com/catalogue/mug/cat.jpg",
    };
    await carts.AddItemAsync(guestCart.Token, tee);
    await carts.AddItemAsync(guestCart.Token, mug);
    await carts.AddItemAsync(guestCart.Token, tee with { Quantity = 1 });

    var badQuantity = await carts.AddItemAsync(guestCart.Token, mug with { Quantity = 0 });
    Console.WriteLine($"Adding 0 mugs is refused: {badQuantity.Error}");

    // The visitor signs in; they had left a cart on another device.
    var customerId = CustomerId.New();
    var customerCart = (await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR)).Value;
    await carts.AddItemAsync(customerCart.Token, tee with { Quantity = 1 });

    var merged = await carts.AttachToCustomerAsync(guestCart.Token, customerId);
    Print(merged.Value, "Customer cart after sign-in (guest cart merged by summing quantities)");

    var guestAfter = await carts.GetAsync(guestCart.Token);
    Console.WriteLine($"The guest cart is gone: {guestAfter.Error?.Code}");
}

await host.StopAsync();

static void Print(Cart cart, string title)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine(new string('-', title.Length));
    foreach (var line in cart.Lines)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{line.Id} {line.Quantity} x {line.Name} ({line.Sku}) [{line.Options}] @ {line.UnitPrice} = {line.Subtotal}"));
        Console.WriteLine($"   picture: {line.PictureUrl}");
    }

    Console.WriteLine($"Subtotal: {cart.Subtotal}  (version {cart.Version}, expires {cart.ExpiresAt:yyyy-MM-dd})");
}
