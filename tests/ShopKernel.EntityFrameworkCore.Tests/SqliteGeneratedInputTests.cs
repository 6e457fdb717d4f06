using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests;

[Trait("Provider", "SQLite")]
public sealed class SqliteGeneratedInputTests : GeneratedInputSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
