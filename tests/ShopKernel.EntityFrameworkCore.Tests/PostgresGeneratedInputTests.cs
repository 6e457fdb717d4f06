using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresGeneratedInputTests : GeneratedInputSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("generated_input");
}
