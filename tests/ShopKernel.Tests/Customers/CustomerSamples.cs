using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

/// <summary>Customers and purchase facts for segment tests.</summary>
internal static class CustomerSamples
{
    public static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Customer Customer(
        int n,
        DateOnly? birthday = null,
        DateTimeOffset? createdAt = null,
        bool password = false,
        string? subject = null,
        string? email = null,
        string? phone = null,
        string? firstName = null,
        string? lastName = null,
        CustomerId? id = null) =>
        new(
            id ?? CustomerId.New(),
            email ?? $"customer{n}@example.com",
            (email ?? $"customer{n}@example.com").ToLowerInvariant(),
            false,
            createdAt ?? Registered.AddDays(n),
            phone,
            false,
            phone is null ? null : createdAt ?? Registered.AddDays(n),
            firstName ?? "First" + n,
            lastName ?? "Last" + n,
            birthday,
            subject,
            password ? new PasswordCredential("AQAAAAIAAYagAAAAE" + n, 0, null) : null,
            [],
            "stamp" + n,
            createdAt ?? Registered.AddDays(n),
            1);

    public static CustomerPurchaseFacts Facts(Customer customer, int orders, string spend, DateTimeOffset lastOrderAt) =>
        new(customer.Id, orders, ShopKernel.Money.Parse(spend), lastOrderAt.AddDays(-30), lastOrderAt);
}
