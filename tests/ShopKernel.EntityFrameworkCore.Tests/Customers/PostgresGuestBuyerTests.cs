using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresGuestBuyerTests : GuestBuyerSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("guest_buyers");
}
