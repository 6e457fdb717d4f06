namespace ShopKernel.Tests.Results;

public class ResultTests
{
    private static readonly ShopError Failure = new("cart.not_found", "No such cart.");

    [Fact]
    public void A_default_result_with_a_value_is_a_failure_that_says_it_was_never_set()
    {
        var result = default(Result<string>);

        Assert.False(result.Succeeded);
        Assert.Equal("result.uninitialized", result.Error.Code);
        Assert.False(result.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.NotEqual(Result<string>.Success(null!), result);
        Assert.StartsWith("Failed(result.uninitialized", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_result_without_a_value_is_a_failure_that_says_it_was_never_set()
    {
        var result = default(Result);

        Assert.False(result.Succeeded);
        Assert.Equal("result.uninitialized", result.Error.Code);
        Assert.NotEqual(Result.Success, result);
    }

    [Fact]
    public void Success_and_failure_read_as_they_were_made()
    {
        Result<int> zero = 0;
        Result<int> failed = Failure;

        Assert.True(zero.Succeeded);
        Assert.Null(zero.Error);
        Assert.Equal(0, zero.Value);
        Assert.False(failed.Succeeded);
        Assert.Same(Failure, failed.Error);
        Assert.True(Result.Success.Succeeded);
        Assert.Null(Result.Success.Error);
        Assert.Equal(Result.Success, Result.Success);
        Assert.Same(Failure, Result.Fail(Failure).Error);
        Assert.Equal(Result<int>.Success(0), zero);
    }
}
