using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresNodeLeaseStoreTests : NodeLeaseStoreSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("leases");
}
