using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Text;

namespace ShopKernel.EntityFrameworkCore.Tests.Text;

[Trait("Provider", "SQLite")]
public sealed class SqliteTextPolicyTests : TextPolicySpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}
