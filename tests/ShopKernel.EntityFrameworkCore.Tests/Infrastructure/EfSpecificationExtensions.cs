using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Specifications.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>What the EF-specific specifications reach beyond the kit: the test database and the host's own context.</summary>
public static class EfSpecificationExtensions
{
    extension(ShopKernelTestHost host)
    {
        /// <summary>The test database under the host's EF stores.</summary>
        public TestDatabase Database => ((EfStorage)host.Storage).Database;

        /// <summary>Runs a query on the host's context, in its own scope (counted, and failed on purpose, as the stores' commands are).</summary>
        public async Task<T> QueryAsync<T>(Func<TestShopContext, Task<T>> query)
        {
            await using var scope = host.Scope();
            return await query(scope.ServiceProvider.GetRequiredService<TestShopContext>());
        }
    }
}
