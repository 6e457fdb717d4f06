namespace ShopKernel.Docs.Tests;

// The host's signed-in member of staff, as the pages' examples name it (`user`): ShopKernel never builds one.
internal sealed record StaffUser(string Id, string DisplayName);
