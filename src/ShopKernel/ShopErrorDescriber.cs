namespace ShopKernel;

/// <summary>
/// Words the <see cref="ShopError.Description"/> of every error a ShopKernel service returns, from the error's
/// <see cref="ShopError.Code"/> and <see cref="ShopError.Data"/> (keys in <see cref="ShopErrorData"/>). This one keeps
/// ShopKernel's English wording; a host derives from it, overrides <see cref="Describe"/> to reword or localise, and
/// registers its describer in place of this one (<c>AddShopKernel</c> adds this one only when none is registered).
/// Codes and data never change: only the description does.
/// </summary>
/// <remarks>
/// The services ask the describer once per failed call, as the call returns; a successful call never reaches it.
/// It is a singleton: a describer that localises reads the culture of the call (e.g. <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>).
/// </remarks>
public class ShopErrorDescriber
{
    // Only a derived describer can word an error otherwise: this one is skipped without a call.
    private readonly bool _rewords;

    /// <summary>Creates the describer.</summary>
    public ShopErrorDescriber() => _rewords = GetType() != typeof(ShopErrorDescriber);

    /// <summary>The describer that keeps ShopKernel's English wording.</summary>
    public static ShopErrorDescriber Default { get; } = new();

    /// <summary>The description of an error.</summary>
    /// <param name="error">The error, with its code, its data and ShopKernel's English description.</param>
    /// <returns>The description the caller gets; this one returns <see cref="ShopError.Description"/> as it is.</returns>
    public virtual string Describe(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Description;
    }

    /// <summary>The result with its error worded by this describer; a success as it is.</summary>
    internal Result Apply(Result result) => result.Succeeded || !_rewords ? result : Apply(result.Error);

    /// <summary>The result with its error worded by this describer; a success as it is.</summary>
    internal Result<T> Apply<T>(Result<T> result) => result.Succeeded || !_rewords ? result : Apply(result.Error);

    private ShopError Apply(ShopError error)
    {
        var description = Describe(error);
        return description is null || string.Equals(description, error.Description, StringComparison.Ordinal)
            ? error
            : error with { Description = description };
    }
}
