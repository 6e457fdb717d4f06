using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.StopList;

namespace ShopKernel.EntityFrameworkCore.Tests.StopList;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresStopListTests : StopListSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("stop_list");
}
