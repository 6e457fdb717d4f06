using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresGeneratedInputTests : GeneratedInputSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("generated_input");
}
