using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Customers;

/// <summary>The steps of customer scenarios: registering, verifying, guest orders, history.</summary>
public abstract class CustomerSteps : ShopSpecification
{
    protected const string Password = "correct horse battery staple";

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Credentials.Pbkdf2Iterations = 100_000;
        options.Credentials.MaxFailedAttempts = 3;
    }

    protected Task<Result<Customer>> RegisterAsync(CustomerRegistration registration) =>
        Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(registration));

    protected static CustomerRegistration Ada(string? email = "Ada@Example.com", string? phone = "030 1234567") =>
        new("Ada", "Lovelace") { Email = email, Phone = phone, Birthday = new DateOnly(1990, 12, 10), Password = Password };

    protected Task<int> CustomerCountAsync() => Storage.CountAsync(Stored.Customers);

    protected async Task<string> TokenAsync(CustomerId id, ContactKind kind)
    {
        var issued = await Use<CustomerService, Result<VerificationToken>>(s => s.IssueVerificationTokenAsync(id, kind));
        Assert.True(issued.Succeeded, issued.Error?.ToString());
        return issued.Value.Token;
    }

    protected Task<Result<ContactVerification>> VerifyAsync(string token) =>
        Use<CustomerService, Result<ContactVerification>>(s => s.VerifyContactAsync(token));

    /// <summary>Verifies as the person proving the contact does when the account had a password: choosing a new one with the token.</summary>
    protected Task<Result<ContactVerification>> VerifyAsync(string token, string? newPassword) =>
        Use<CustomerService, Result<ContactVerification>>(s => s.VerifyContactAsync(token, newPassword));

    protected async Task<Order> GuestOrderAsync(OrderContact contact, params CartItem[] items)
    {
        var token = await CartWithAsync(items.Length == 0 ? [Item("TEE", 1, 1990)] : items);
        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Address) { Contact = contact });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        return placed.Value.Order;
    }

    protected Task<Result<OrderPage>> HistoryAsync(CustomerId id) =>
        Use<OrderService, Result<OrderPage>>(s => s.ListForCustomerAsync(id));
}
