namespace ShopKernel.Testing;

/// <summary>The repository a test was built from.</summary>
internal static class Repository
{
    /// <summary>The folder above the test's output that holds ShopKernel.sln.</summary>
    /// <exception cref="InvalidOperationException">No folder above the output holds it.</exception>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ShopKernel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ShopKernel.sln above {AppContext.BaseDirectory}.");
    }
}
