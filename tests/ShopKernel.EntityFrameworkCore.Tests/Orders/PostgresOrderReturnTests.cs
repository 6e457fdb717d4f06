using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Orders;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresOrderReturnTests : OrderReturnSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("returns");
}
