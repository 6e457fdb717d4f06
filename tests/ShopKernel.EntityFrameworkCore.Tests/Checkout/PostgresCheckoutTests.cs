using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Checkout;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCheckoutTests : CheckoutSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("checkout");
}
