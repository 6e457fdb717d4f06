using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresPersonalDataTests : PersonalDataSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("personal_data");
}
