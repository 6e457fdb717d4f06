using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Staff;

[Trait("Provider", "SQLite")]
public sealed class SqliteStopListPromotionAccessLogTests : StopListPromotionAccessLogSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
