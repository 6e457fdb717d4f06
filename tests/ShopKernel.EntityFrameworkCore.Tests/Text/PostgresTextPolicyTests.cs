using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Text;

namespace ShopKernel.EntityFrameworkCore.Tests.Text;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresTextPolicyTests : TextPolicySpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("text_policy");
}
