namespace ShopKernel.Analytics;

/// <summary>How acquisition sources are accepted (section <c>ShopKernel:Acquisition</c>).</summary>
public sealed class AcquisitionOptions
{
    /// <summary>
    /// The answers a buyer may give to "how did you hear about us", as the shop's own codes (e.g. <c>friend</c>,
    /// <c>instagram</c>, <c>radio</c>): lower-case letters, digits, <c>_</c>, <c>.</c> and <c>-</c>, 1 to
    /// <see cref="Acquisition.MaxHeardAboutLength"/> characters. When empty (the default) any well-formed code is taken.
    /// </summary>
    public IList<string> HeardAboutCodes { get; } = [];

    /// <summary>Whether <paramref name="code"/> (well formed, lower case) is one the shop accepts.</summary>
    internal bool Accepts(string code)
    {
        if (HeardAboutCodes.Count == 0)
        {
            return true;
        }

        foreach (var accepted in HeardAboutCodes)
        {
            if (string.Equals(accepted, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
