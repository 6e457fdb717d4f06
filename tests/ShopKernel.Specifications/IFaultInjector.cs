namespace ShopKernel.Specifications;

/// <summary>Fails the stores on purpose, as a store that breaks mid-write does.</summary>
public interface IFaultInjector
{
    /// <summary>How many failures were injected so far.</summary>
    int Injected { get; }

    /// <summary>Fails the next round trip that inserts, before it runs, once.</summary>
    void FailNextInsert();

    /// <summary>Fails the <paramref name="ordinal"/>-th round trip that writes from now on (1: the next), before it runs, once.</summary>
    void FailWrite(int ordinal);

    /// <summary>Fails the next commit, once, after all its writes ran.</summary>
    void FailNextCommit();

    /// <summary>Whether <paramref name="exception"/> is the injected commit failure as the store lets it surface.</summary>
    bool IsCommitFailure(Exception exception);

    /// <summary>Whether <paramref name="exception"/> is the injected insert failure as the store lets it surface (an EF store: wrapped in its update exception).</summary>
    bool IsInsertFailure(Exception exception);
}
