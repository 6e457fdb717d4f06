using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Carts;

namespace ShopKernel.EntityFrameworkCore.Tests.Carts;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCartStoreTests : CartStoreSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("carts");
}
