using Microsoft.EntityFrameworkCore;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>A host context with ShopKernel's model.</summary>
public sealed class BenchShopContext(DbContextOptions<BenchShopContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
}
