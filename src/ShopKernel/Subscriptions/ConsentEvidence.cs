namespace ShopKernel.Subscriptions;

/// <summary>
/// How a consent decision was made, kept in the ledger as proof: where, the version of the wording shown, whether
/// the box started unticked, and — if the host chooses to pass them — the IP address and user agent, and who acted.
/// </summary>
/// <param name="Source">Where the decision was made.</param>
public sealed record ConsentEvidence(ConsentSource Source)
{
    /// <summary>The longest wording version, actor and IP address kept.</summary>
    public const int MaxShortText = 100;

    /// <summary>The longest user agent kept.</summary>
    public const int MaxUserAgent = 512;

    /// <summary>
    /// The version of the consent wording the person saw (e.g. <c>newsletter-2026-03</c>), so the text they agreed
    /// to can be shown later; required to subscribe, at most 100 characters.
    /// </summary>
    public string? WordingVersion { get; init; }

    /// <summary>
    /// Whether the consent box started unticked and the person ticked it. A subscription request needs
    /// <see langword="true"/>: a pre-ticked box is no consent. Default <see langword="false"/>.
    /// </summary>
    public bool BoxStartedUnticked { get; init; }

    /// <summary>The IP address the decision came from, when the host chooses to keep it; at most 100 characters.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The user agent the decision came from, when the host chooses to keep it; at most 512 characters.</summary>
    public string? UserAgent { get; init; }

    /// <summary>
    /// Who acted when it was not the person (e.g. <c>staff:42</c>, <c>import:crm-2025</c>); at most 100 characters,
    /// never the person's own name or contact (it is not redacted on erasure).
    /// </summary>
    public string? Actor { get; init; }

    internal bool IsWellFormed() =>
        Enum.IsDefined(Source)
        && Fits(WordingVersion, MaxShortText) && Fits(IpAddress, MaxShortText) && Fits(Actor, MaxShortText) && Fits(UserAgent, MaxUserAgent);

    private static bool Fits(string? text, int max) => text is null || TextRules.IsText(text, max);
}
