using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.StopList;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresStopListTests : StopListSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("stop_list");
}
