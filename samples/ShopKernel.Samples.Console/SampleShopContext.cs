using Microsoft.EntityFrameworkCore;

namespace ShopKernel.Samples.ConsoleApp;

/// <summary>The host's own context: its tables plus ShopKernel's, added with one call.</summary>
public sealed class SampleShopContext(DbContextOptions<SampleShopContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
}
