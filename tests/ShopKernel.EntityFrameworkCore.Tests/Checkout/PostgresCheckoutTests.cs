using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Checkout;

namespace ShopKernel.EntityFrameworkCore.Tests.Checkout;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCheckoutTests : CheckoutSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("checkout");
}
