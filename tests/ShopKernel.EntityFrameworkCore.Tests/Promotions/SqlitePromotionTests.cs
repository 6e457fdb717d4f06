using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Promotions;

namespace ShopKernel.EntityFrameworkCore.Tests.Promotions;

[Trait("Provider", "SQLite")]
public sealed class SqlitePromotionTests : PromotionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
