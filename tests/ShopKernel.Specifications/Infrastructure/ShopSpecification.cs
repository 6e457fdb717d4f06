using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Infrastructure;

/// <summary>A store specification with a shop's usual settings and the steps of buying: carts, items, guest orders.</summary>
public abstract class ShopSpecification : StoreSpecification
{
    protected static readonly PostalAddress Address = new("Ada Lovelace", "Main Street 1", "10115", "Berlin", "de");
    protected static readonly OrderContact Guest = new("Ada@Example.com", "+49 30 1234567", "Ada", "Lovelace");
    protected static readonly OrderActor Staff = OrderActor.Staff("staff-7", "Grace Hopper");
    protected static readonly OrderStatusReason Reason = new("back_office");

    protected override void Configure(ShopKernelOptions options)
    {
        options.Checkout.TrackStock = true;
        options.Checkout.PaymentMethods.Add("card");
        options.Checkout.PaymentMethods.Add("cod");
        options.Contacts.DefaultRegion = "DE";
        options.Tokens.SigningKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("ShopKernel test signing key"u8)));
        options.Subscriptions.Topics.Add(new ShopKernel.Subscriptions.SubscriptionTopicOptions { Id = "newsletter" });
    }

    protected Task<T> Use<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull => Host.InScopeAsync(call);

    protected static CartItem Item(string sku, int quantity = 1, long price = 1000) =>
        new("product-" + sku, sku, "Product " + sku, new ShopKernel.Money(price, Currency.EUR), quantity)
        {
            Options = LineOptions.From(("colour", "red")),
            PictureUrl = $"https://cdn.example.com/{sku}.jpg",
        };

    protected async Task<CartToken> CartWithAsync(params CartItem[] items)
    {
        var token = (await Use<CartService, Result<Cart>>(s => s.CreateAsync(Currency.EUR))).Value.Token;
        foreach (var item in items)
        {
            Assert.True((await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, item))).Succeeded);
        }

        return token;
    }

    protected async Task<CartToken> CustomerCartWithAsync(CustomerId customer, params CartItem[] items)
    {
        var token = (await Use<CartService, Result<Cart>>(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR))).Value.Token;
        foreach (var item in items)
        {
            await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, item));
        }

        return token;
    }

    /// <summary>Registers a customer with a fresh e-mail address and no password, as a host does before their first order.</summary>
    protected async Task<CustomerId> RegisteredCustomerAsync(string firstName = "Test", string lastName = "Buyer")
    {
        var registered = await Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(
            new CustomerRegistration(firstName, lastName) { Email = $"buyer-{Guid.NewGuid():N}@example.com" }));
        Assert.True(registered.Succeeded, registered.Error?.ToString());
        return registered.Value.Id;
    }

    protected Task<Result<PlacedOrder>> PlaceAsync(CheckoutRequest request) =>
        Use<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(request));

    protected static CheckoutRequest GuestRequest(CartToken token, string payment = "card") =>
        new(token, payment, Address) { Contact = Guest };

    protected Task<IReadOnlyList<StoredPurchaseFacts>> FactRowsAsync() => Storage.PurchaseFactsAsync();

    /// <summary>Loads the promotions pricing uses, as the first checkout after each refresh interval does, so round trips count the checkout alone.</summary>
    protected async Task WarmPromotionsAsync() =>
        await Host.Services.GetRequiredService<ShopKernel.Promotions.PromotionCatalog>().GetCurrentAsync();

    protected Task SetStockAsync(string sku, int available) =>
        Use<IStockStore, bool>(async s => { await s.SetAvailableAsync(sku, available); return true; });
}
