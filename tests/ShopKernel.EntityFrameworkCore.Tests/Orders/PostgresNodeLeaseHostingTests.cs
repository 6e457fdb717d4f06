using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresNodeLeaseHostingTests : NodeLeaseHostingSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("leasehosting");
}
