using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresConflictLoggingTests : ConflictLoggingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("conflictlogs");
}
