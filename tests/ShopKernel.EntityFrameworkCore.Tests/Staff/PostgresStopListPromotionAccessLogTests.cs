using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Staff;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresStopListPromotionAccessLogTests : StopListPromotionAccessLogSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("stoplistlog");
}
