using System.Numerics;

namespace ShopKernel.Orders;

/// <summary>
/// The text code of an order number: 12 Crockford base-32 symbols for the 60 bits of the value, then one check
/// symbol from the same alphabet.
/// </summary>
/// <remarks>
/// The check reads the 13 symbols as elements of GF(32) (the field of 32 elements, modulo x⁵ + x² + 1) and requires
/// Σ xⁱ·sᵢ = 0, the weight of the check symbol being x⁰ = 1 and that of the data symbol i places to its left xⁱ.
/// The weights x¹² … x⁰ are non-zero and pairwise distinct (x has order 31 in the field), so a code with one
/// symbol replaced by another changes the sum by w·(a − b) ≠ 0, and one with two different symbols swapped
/// (neighbours or not) by (a − b)·(wᵢ − wⱼ) ≠ 0: every such error is detected. The check is linear over GF(2),
/// so each of its 5 bits is the parity of the value under a mask, which makes it cost a few instructions.
/// </remarks>
internal static class OrderNumberCode
{
    /// <summary>The number of symbols of a code: 12 data symbols and the check symbol.</summary>
    public const int Length = 13;

    /// <summary>The number of data symbols.</summary>
    public const int DataLength = 12;

    /// <summary>Marks a character that is not a symbol in <see cref="DecodeTable"/>.</summary>
    private const byte Invalid = 0xFF;

    /// <summary>The reduction polynomial of GF(32), x⁵ + x² + 1, without its x⁵ term.</summary>
    private const int Reduction = 0b00101;

    private static readonly ulong CheckMask0 = CheckMask(0);
    private static readonly ulong CheckMask1 = CheckMask(1);
    private static readonly ulong CheckMask2 = CheckMask(2);
    private static readonly ulong CheckMask3 = CheckMask(3);
    private static readonly ulong CheckMask4 = CheckMask(4);

    /// <summary>Crockford's base-32 alphabet: digits and upper-case letters without I, L, O and U.</summary>
    public static ReadOnlySpan<byte> Symbols => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"u8;

    /// <summary>The value of each ASCII character as a symbol, read the way Crockford's decoding does.</summary>
    private static readonly byte[] DecodeTable = BuildDecodeTable();

    /// <summary>Multiplies a field element by x.</summary>
    /// <param name="element">An element of GF(32), 0 to 31.</param>
    public static int MultiplyByX(int element) =>
        (element & 0b10000) == 0 ? element << 1 : ((element << 1) & 0b11111) ^ Reduction;

    /// <summary>The check symbol's value for a 60-bit value.</summary>
    /// <param name="value">The value.</param>
    public static int Check(ulong value) =>
        (BitOperations.PopCount(value & CheckMask0) & 1)
        | ((BitOperations.PopCount(value & CheckMask1) & 1) << 1)
        | ((BitOperations.PopCount(value & CheckMask2) & 1) << 2)
        | ((BitOperations.PopCount(value & CheckMask3) & 1) << 3)
        | ((BitOperations.PopCount(value & CheckMask4) & 1) << 4);

    /// <summary>The value of a symbol, tolerant of case and of O for 0 and I or L for 1; -1 for any other character.</summary>
    /// <param name="symbol">The character.</param>
    public static int Decode(char symbol)
    {
        var table = DecodeTable;
        if (symbol >= table.Length)
        {
            return -1;
        }

        var value = table[symbol];
        return value == Invalid ? -1 : value;
    }

    /// <summary>Writes the 13 symbols, with a hyphen after every <paramref name="groupSize"/> of them.</summary>
    /// <param name="value">The 60-bit value.</param>
    /// <param name="destination">Exactly as long as the grouped code.</param>
    /// <param name="groupSize">The symbols per group; 0 for none.</param>
    public static void Write(ulong value, Span<char> destination, int groupSize)
    {
        if (groupSize == 4 && destination.Length == 16)
        {
            WriteInGroupsOfFour(value, destination);
            return;
        }

        if (groupSize == 0 && destination.Length == Length)
        {
            WriteCompact(value, destination);
            return;
        }

        var symbols = Symbols;
        var check = Check(value);
        var pos = 0;
        var left = groupSize == 0 ? int.MaxValue : groupSize;
        for (var shift = (DataLength - 1) * 5; shift >= 0; shift -= 5)
        {
            if (left == 0)
            {
                destination[pos++] = '-';
                left = groupSize;
            }

            destination[pos++] = (char)symbols[(int)(value >> shift) & 0b11111];
            left--;
        }

        if (left == 0)
        {
            destination[pos++] = '-';
        }

        destination[pos] = (char)symbols[check];
    }

    // The two common layouts, unrolled with constant indexes: the length test lets the JIT drop the bounds checks.
    private static void WriteInGroupsOfFour(ulong value, Span<char> destination)
    {
        if (destination.Length != 16)
        {
            return;
        }

        var symbols = Symbols;
        destination[0] = (char)symbols[(int)(value >> 55) & 0b11111];
        destination[1] = (char)symbols[(int)(value >> 50) & 0b11111];
        destination[2] = (char)symbols[(int)(value >> 45) & 0b11111];
        destination[3] = (char)symbols[(int)(value >> 40) & 0b11111];
        destination[4] = '-';
        destination[5] = (char)symbols[(int)(value >> 35) & 0b11111];
        destination[6] = (char)symbols[(int)(value >> 30) & 0b11111];
        destination[7] = (char)symbols[(int)(value >> 25) & 0b11111];
        destination[8] = (char)symbols[(int)(value >> 20) & 0b11111];
        destination[9] = '-';
        destination[10] = (char)symbols[(int)(value >> 15) & 0b11111];
        destination[11] = (char)symbols[(int)(value >> 10) & 0b11111];
        destination[12] = (char)symbols[(int)(value >> 5) & 0b11111];
        destination[13] = (char)symbols[(int)value & 0b11111];
        destination[14] = '-';
        destination[15] = (char)symbols[Check(value)];
    }

    private static void WriteCompact(ulong value, Span<char> destination)
    {
        if (destination.Length != Length)
        {
            return;
        }

        var symbols = Symbols;
        destination[0] = (char)symbols[(int)(value >> 55) & 0b11111];
        destination[1] = (char)symbols[(int)(value >> 50) & 0b11111];
        destination[2] = (char)symbols[(int)(value >> 45) & 0b11111];
        destination[3] = (char)symbols[(int)(value >> 40) & 0b11111];
        destination[4] = (char)symbols[(int)(value >> 35) & 0b11111];
        destination[5] = (char)symbols[(int)(value >> 30) & 0b11111];
        destination[6] = (char)symbols[(int)(value >> 25) & 0b11111];
        destination[7] = (char)symbols[(int)(value >> 20) & 0b11111];
        destination[8] = (char)symbols[(int)(value >> 15) & 0b11111];
        destination[9] = (char)symbols[(int)(value >> 10) & 0b11111];
        destination[10] = (char)symbols[(int)(value >> 5) & 0b11111];
        destination[11] = (char)symbols[(int)value & 0b11111];
        destination[12] = (char)symbols[Check(value)];
    }

    /// <summary>Decodes exactly 13 symbols and verifies the check symbol.</summary>
    /// <param name="code">The symbols, without separators.</param>
    /// <param name="value">The 60-bit value when the code is valid.</param>
    /// <returns><see langword="true"/> when every symbol is valid and the check symbol matches.</returns>
    public static bool TryRead(ReadOnlySpan<char> code, out ulong value)
    {
        value = 0;
        if (code.Length != Length)
        {
            return false;
        }

        ulong result = 0;
        for (var i = 0; i < DataLength; i++)
        {
            var symbol = Decode(code[i]);
            if (symbol < 0)
            {
                return false;
            }

            result = (result << 5) | (uint)symbol;
        }

        if (Decode(code[DataLength]) != Check(result))
        {
            return false;
        }

        value = result;
        return true;
    }

    /// <summary>
    /// The mask of the value bits whose parity is bit <paramref name="bit"/> of the check: value bit p is bit
    /// p mod 5 of the data symbol k = p / 5 places left of the check, weighted x^(k+1), so it adds x^(k+1+p mod 5).
    /// </summary>
    private static ulong CheckMask(int bit)
    {
        ulong mask = 0;
        for (var p = 0; p < DataLength * 5; p++)
        {
            var element = 1;
            for (var power = (p / 5) + 1 + (p % 5); power > 0; power--)
            {
                element = MultiplyByX(element);
            }

            if (((element >> bit) & 1) != 0)
            {
                mask |= 1UL << p;
            }
        }

        return mask;
    }

    private static byte[] BuildDecodeTable()
    {
        var table = new byte[128];
        Array.Fill(table, Invalid);
        var symbols = Symbols;
        for (var i = 0; i < symbols.Length; i++)
        {
            table[symbols[i]] = (byte)i;
            table[char.ToLowerInvariant((char)symbols[i])] = (byte)i;
        }

        table['O'] = table['o'] = 0;
        table['I'] = table['i'] = table['L'] = table['l'] = 1;
        return table;
    }
}
