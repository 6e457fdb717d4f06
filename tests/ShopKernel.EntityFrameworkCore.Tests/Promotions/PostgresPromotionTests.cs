using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Promotions;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresPromotionTests : PromotionSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("promotions");
}
