using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCustomerClaimTests : CustomerClaimSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("customer_claims");
}
