using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresGuestBuyerTests : GuestBuyerSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("guest_buyers");
}
