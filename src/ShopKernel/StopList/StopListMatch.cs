namespace ShopKernel.StopList;

/// <summary>An active entry's key that matched one of the hashes looked up.</summary>
/// <param name="Hash">The matching key hash.</param>
/// <param name="Scope">The scope of the entry it belongs to.</param>
public readonly record struct StopListMatch(string Hash, StopListScope Scope);
