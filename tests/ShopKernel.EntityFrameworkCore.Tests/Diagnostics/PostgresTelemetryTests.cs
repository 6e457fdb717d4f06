using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Diagnostics;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresTelemetryTests : TelemetrySpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("telemetry");
}
