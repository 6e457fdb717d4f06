namespace ShopKernel.Tokens;

/// <summary>What a token proves; part of what is signed, so a token for one purpose never passes for another.</summary>
internal enum TokenPurpose : byte
{
    VerifyEmail = 1,
    VerifyPhone = 2,
    ConfirmSubscription = 3,
    Unsubscribe = 4,
    UnsubscribeSubject = 6,
}
