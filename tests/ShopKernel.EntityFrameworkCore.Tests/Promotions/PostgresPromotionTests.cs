using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Promotions;

namespace ShopKernel.EntityFrameworkCore.Tests.Promotions;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresPromotionTests : PromotionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("promotions");
}
