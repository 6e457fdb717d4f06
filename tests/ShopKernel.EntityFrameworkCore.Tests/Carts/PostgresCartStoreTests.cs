using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Carts;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCartStoreTests : CartStoreSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("carts");
}
