using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Samples.Web.Web;

/// <summary>
/// What a buyer reads when ShopKernel refuses a request: wording chosen by the shop for each error code, never the
/// error's <see cref="ShopError.Description"/> (written for developers and logs, and not to be shown to buyers).
/// </summary>
public static class BuyerMessages
{
    /// <summary>The sentence to show a buyer for an error.</summary>
    /// <param name="error">The error.</param>
    public static string For(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            CartErrorCodes.QuantityInvalid => "Please choose a quantity between 1 and 999.",
            CartErrorCodes.TooManyLines => "Your cart is full. Please order what is in it first, or remove something.",
            CartErrorCodes.NotFound or CartErrorCodes.Expired => "Your cart has expired. Please add the items again.",
            CartErrorCodes.CheckedOut => "This cart has been ordered already. You find the order in the confirmation mail.",
            CartErrorCodes.ConcurrencyConflict or CheckoutErrorCodes.Contention => "Your cart changed meanwhile, perhaps in another window. Please look at it and try again.",
            CheckoutErrorCodes.ContactMissing => "Please give your e-mail address or phone number, and your first and last name.",
            CheckoutErrorCodes.ContactInvalid => "Please check your e-mail address, phone number and name.",
            CheckoutErrorCodes.AddressInvalid => "Please check the delivery address: street, postal code, city and country are needed.",
            CheckoutErrorCodes.PaymentMethodInvalid => "Please choose a payment method.",
            CheckoutErrorCodes.OutOfStock => "Sorry, one of the items is no longer in stock in this quantity. Please change your cart.",
            CheckoutErrorCodes.CouponRejected => "This coupon code gives no discount on this cart. Please remove it or try another.",
            CheckoutErrorCodes.CartEmpty => "Your cart is empty.",
            CustomerErrorCodes.EmailInvalid => "Please check your e-mail address.",
            CustomerErrorCodes.PhoneInvalid => "Please check your phone number.",
            CustomerErrorCodes.NameInvalid => "Please give your first and last name.",
            CustomerErrorCodes.PasswordInvalid => "Please choose a longer password (at least 8 characters), without control characters.",
            CustomerErrorCodes.ContactMissing => "Please give your e-mail address or phone number.",
            CustomerErrorCodes.BirthdayInvalid => "Please check your birthday.",
            _ => "Sorry, that did not work. Please check what you entered and try again.",
        };
    }
}
