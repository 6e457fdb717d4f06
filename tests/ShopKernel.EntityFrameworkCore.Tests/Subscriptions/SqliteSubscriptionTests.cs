using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

[Trait("Provider", "SQLite")]
public sealed class SqliteSubscriptionTests : SubscriptionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
