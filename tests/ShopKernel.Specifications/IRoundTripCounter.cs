namespace ShopKernel.Specifications;

/// <summary>
/// Counts the round trips the stores make, deterministically, instead of timing them. The specifications assert the
/// port contract's round-trip budget with it (loading a cart is one round trip, adding an item at most two, …).
/// </summary>
public interface IRoundTripCounter
{
    /// <summary>Round trips since the last <see cref="Reset"/>.</summary>
    int Commands { get; }

    /// <summary>Statements (single operations) those round trips carried; a batched round trip carries several.</summary>
    int Statements { get; }

    /// <summary>
    /// Connections the store opened (a relational store: its <c>DbConnection</c> opened, which on a server database takes a
    /// pooled connection or a new one); a use case that holds its session opens one, however many commands it sends.
    /// </summary>
    int ConnectionsOpened { get; }

    /// <summary>The text of each round trip, in order (a relational store: its SQL).</summary>
    IReadOnlyList<string> Log { get; }

    /// <summary>Starts counting from zero.</summary>
    void Reset();
}
