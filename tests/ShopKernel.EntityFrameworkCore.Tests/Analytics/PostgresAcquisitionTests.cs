using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Analytics;

namespace ShopKernel.EntityFrameworkCore.Tests.Analytics;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresAcquisitionTests : AcquisitionSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("acquisition");
}
