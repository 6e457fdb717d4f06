using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Carts;

namespace ShopKernel.EntityFrameworkCore.Tests.Carts;

[Trait("Provider", "SQLite")]
public sealed class SqliteCartStoreTests : CartStoreSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
