using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests;

/// <summary>Database names handed out by <see cref="PostgresServer"/>; needs no server.</summary>
public sealed class PostgresDatabaseNameTests
{
    [Theory]
    [InlineData("CartStoreTests", "cartstoretests_")]
    [InlineData("Ünïcode & spaces", "_n_code___spaces_")]
    [InlineData("42nd", "_2nd_")]
    [InlineData("", "db_")]
    public void Database_names_are_sanitized_and_unique(string prefix, string expectedStart)
    {
        var first = PostgresServer.CreateDatabaseName(prefix);
        var second = PostgresServer.CreateDatabaseName(prefix);

        Assert.StartsWith(expectedStart, first, StringComparison.Ordinal);
        Assert.Matches("^[a-z_][a-z0-9_]*$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Long_database_names_fit_in_63_characters()
    {
        var name = PostgresServer.CreateDatabaseName(new string('x', 200));

        Assert.Equal(63, name.Length);
    }
}
