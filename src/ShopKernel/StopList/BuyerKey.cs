namespace ShopKernel.StopList;

/// <summary>One normalised key of a buyer, before hashing, with its masked hint.</summary>
internal readonly record struct BuyerKey(StopListKeyKind Kind, string Value, string Hint);
