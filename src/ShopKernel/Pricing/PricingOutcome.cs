namespace ShopKernel.Pricing;

/// <summary>What building the priced cart needs from a pricing run, copied off the scratch memory.</summary>
internal sealed class PricingOutcome(int count)
{
    /// <summary>Per promotion: what it took off.</summary>
    public long[] Applied { get; } = new long[count];

    /// <summary>Per promotion: what it would have saved on its own.</summary>
    public long[] Savings { get; } = new long[count];

    /// <summary>Per promotion: what its rule qualified it on.</summary>
    public int[] QualifiedOn { get; } = new int[count];

    /// <summary>Per promotion: its <see cref="QualifyStatus"/>.</summary>
    public byte[] Status { get; } = new byte[count];

    /// <summary>Whether the cap cut the discounts.</summary>
    public bool Capped { get; private set; }

    /// <summary>The cap in basis points of the subtotal, or <see langword="null"/>.</summary>
    public int? CapBasisPoints { get; private set; }

    public void Capture(in PricingWork work, bool capped, int? capBasisPoints)
    {
        work.Applied.CopyTo(Applied);
        work.Savings.CopyTo(Savings);
        work.QualifiedOn.CopyTo(QualifiedOn);
        work.Status.CopyTo(Status);
        Capped = capped;
        CapBasisPoints = capBasisPoints;
    }
}
