using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Text;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresTextPolicyTests : TextPolicySpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("text_policy");
}
