using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "SQLite")]
public sealed class SqlitePersonalDataTests : PersonalDataSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
