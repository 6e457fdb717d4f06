using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the exponent of its minor unit
/// (JPY 0, EUR 2, KWD 3). Only active ISO 4217 currencies are known; compare with <c>==</c>.
/// </summary>
public readonly struct Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, Currency> Known = BuildTable();

    private readonly string? _code;

    private Currency(string code, byte minorUnits)
    {
        _code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The upper-case ISO 4217 code, e.g. <c>EUR</c>; empty for <see langword="default"/>.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>The number of decimal digits of the minor unit (2 for cents).</summary>
    public byte MinorUnits { get; }

    /// <summary>Whether this is the <see langword="default"/> value, which is no currency at all.</summary>
    public bool IsDefault => _code is null;

    /// <summary>The euro.</summary>
    public static Currency EUR => Known["EUR"];

    /// <summary>The US dollar.</summary>
    public static Currency USD => Known["USD"];

    /// <summary>The pound sterling.</summary>
    public static Currency GBP => Known["GBP"];

    /// <summary>The Polish złoty.</summary>
    public static Currency PLN => Known["PLN"];

    /// <summary>The Japanese yen (no minor unit).</summary>
    public static Currency JPY => Known["JPY"];

    /// <summary>The Kuwaiti dinar (three decimals).</summary>
    public static Currency KWD => Known["KWD"];

    /// <summary>All known currencies.</summary>
    public static IEnumerable<Currency> All => Known.Values;

    /// <summary>Finds a currency by its ISO 4217 code, ignoring case.</summary>
    /// <param name="code">A three-letter code.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns><see langword="true"/> when the code names a known currency.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is { Length: 3 } && Known.TryGetValue(code, out currency))
        {
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Finds a currency by its ISO 4217 code, ignoring case.</summary>
    /// <param name="code">A three-letter code.</param>
    /// <exception cref="FormatException">The code names no known currency.</exception>
    public static Currency Parse(string code) =>
        TryParse(code, out var currency)
            ? currency
            : throw new FormatException($"'{code}' is not a known ISO 4217 currency code.");

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>Compares two currencies.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Code;

    private static FrozenDictionary<string, Currency> BuildTable()
    {
        // Active ISO 4217 codes; exponents other than 2 are listed explicitly.
        const string twoDecimals =
            "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
            "CAD CDF CHE CHF CHW COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP " +
            "GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD " +
            "MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP " +
            "PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
            "TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";
        const string zeroDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
        const string threeDecimals = "BHD IQD JOD KWD LYD OMR TND";
        const string fourDecimals = "CLF UYW";

        var table = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase);
        void Add(string codes, byte exponent)
        {
            foreach (var code in codes.Split(' '))
            {
                table.Add(code, new Currency(code, exponent));
            }
        }

        Add(twoDecimals, 2);
        Add(zeroDecimals, 0);
        Add(threeDecimals, 3);
        Add(fourDecimals, 4);
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
