namespace ShopKernel.StopList;

/// <summary>A page of stop-list entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Next">The cursor of the next page (pass it as <c>before</c>), or <see langword="null"/> on the last page.</param>
public sealed record StopListPage(IReadOnlyList<StopListEntry> Items, Guid? Next);
