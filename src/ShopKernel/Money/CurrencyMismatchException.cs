namespace ShopKernel;

/// <summary>
/// Thrown when amounts of two different currencies meet in one arithmetic operation or comparison.
/// This is a programming error: amounts of different currencies never mix silently.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CurrencyMismatchException()
        : base("Amounts of different currencies cannot be combined.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static CurrencyMismatchException For(Currency left, Currency right) =>
        new($"Amounts in {Describe(left)} and {Describe(right)} cannot be combined.");

    private static string Describe(Currency currency) => currency.IsDefault ? "no currency" : currency.Code;
}
