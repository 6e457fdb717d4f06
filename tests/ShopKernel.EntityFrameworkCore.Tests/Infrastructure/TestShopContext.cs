using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A host's context, as the README tells hosts to write it.</summary>
public sealed class TestShopContext(DbContextOptions<TestShopContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
}
