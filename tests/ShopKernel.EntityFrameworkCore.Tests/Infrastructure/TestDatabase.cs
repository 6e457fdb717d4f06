using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A fresh, empty database of one provider, with ShopKernel's schema created.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The provider's name as shown in test output: <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Points a context at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    public async Task CreateSchemaAsync()
    {
        var builder = new DbContextOptionsBuilder<TestShopContext>();
        Configure(builder);
        await using var context = new TestShopContext(builder.Options);
        await context.Database.EnsureCreatedAsync();

        // The guards as a host's migration adds them (the least-privilege tests install them with the Apply calls).
        await HostMigration.Guards(context).UpAsync(context);
    }

    /// <summary>
    /// Every value the database holds, as text: what a thief who copied it reads (<c>pg_dump --data-only</c> on
    /// PostgreSQL, every text value of every table on SQLite).
    /// </summary>
    public virtual Task<string> DumpAsync() => throw new NotSupportedException($"{GetType().Name} does not dump itself.");

    public abstract ValueTask DisposeAsync();
}
