namespace ShopKernel.EntityFrameworkCore;

/// <summary>How ShopKernel's tables are named in the host's database.</summary>
public sealed class ShopKernelModelOptions
{
    /// <summary>The schema of ShopKernel's tables, or <see langword="null"/> for the provider's default. Default <see langword="null"/>.</summary>
    public string? Schema { get; set; }

    /// <summary>The prefix of every table name. Default <c>shopkernel_</c>.</summary>
    public string TablePrefix { get; set; } = "shopkernel_";

    internal string Table(string name) => TablePrefix + name;
}
