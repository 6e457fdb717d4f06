using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresStoreHealthTests : StoreHealthSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("health");

    // Port 1 on the loopback interface refuses connections at once.
    protected override void ConfigureUnreachable(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql($"Host=127.0.0.1;Port=1;Database=shop;Username=shop;Password={Secret};Timeout=5");
}
