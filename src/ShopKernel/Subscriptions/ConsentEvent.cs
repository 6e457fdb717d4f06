namespace ShopKernel.Subscriptions;

/// <summary>One entry of the append-only consent ledger: what happened to a subject's consent for a topic, when and how.</summary>
/// <param name="Id">The entry's id, time-ordered.</param>
/// <param name="Subject">Whose consent; after erasure a <see cref="ConsentSubjectKind.Redacted"/> subject.</param>
/// <param name="Topic">The topic id.</param>
/// <param name="Sequence">The entry's place in the subject's history of the topic: 1, 2, 3, …</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Evidence">Where and how; the IP address and user agent are removed on erasure.</param>
/// <param name="ExpiresAt">For a double opt-in request, when it expires unconfirmed.</param>
public sealed record ConsentEvent(
    Guid Id,
    ConsentSubject Subject,
    string Topic,
    int Sequence,
    ConsentEventKind Kind,
    DateTimeOffset At,
    ConsentEvidence Evidence,
    DateTimeOffset? ExpiresAt);
