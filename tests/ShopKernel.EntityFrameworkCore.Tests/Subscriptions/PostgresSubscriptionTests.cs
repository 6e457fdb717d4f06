using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresSubscriptionTests : SubscriptionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("subscriptions");
}
