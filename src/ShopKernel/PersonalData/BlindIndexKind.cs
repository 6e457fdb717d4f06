namespace ShopKernel.PersonalData;

/// <summary>What a blind index stands for; part of the hashed message, so that equal text of two kinds never matches.</summary>
internal enum BlindIndexKind : byte
{
    /// <summary>A normalised e-mail address.</summary>
    Email = (byte)'e',

    /// <summary>A phone number in E.164.</summary>
    Phone = (byte)'p',

    /// <summary>A birthday's day of the year.</summary>
    Birthday = (byte)'b',

    /// <summary>Whom a limited promotion's redemption is recorded under (<see cref="Promotions.RedemptionSubjects"/>).</summary>
    Redemption = (byte)'r',

    /// <summary>Whom a purchase line or an applied promotion is counted for in reports (a buyer's redemption subject).</summary>
    Buyer = (byte)'u',
}
