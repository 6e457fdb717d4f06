using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Analytics;

namespace ShopKernel.EntityFrameworkCore.Tests.Analytics;

[Trait("Provider", "SQLite")]
public sealed class SqliteAcquisitionTests : AcquisitionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
