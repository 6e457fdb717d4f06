using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "SQLite")]
public sealed class SqliteConflictLoggingTests : ConflictLoggingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
