using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.StopList;

namespace ShopKernel.EntityFrameworkCore.Tests.StopList;

[Trait("Provider", "SQLite")]
public sealed class SqliteStopListTests : StopListSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
