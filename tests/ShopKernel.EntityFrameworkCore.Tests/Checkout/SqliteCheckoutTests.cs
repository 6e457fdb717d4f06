using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Checkout;

namespace ShopKernel.EntityFrameworkCore.Tests.Checkout;

[Trait("Provider", "SQLite")]
public sealed class SqliteCheckoutTests : CheckoutSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
