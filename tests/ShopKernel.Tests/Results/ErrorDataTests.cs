using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Tests.Carts;
using static ShopKernel.Tests.Carts.CartTestHost;

namespace ShopKernel.Tests.Results;

/// <summary>The facts an error's description names are in its data too, under the documented keys.</summary>
public sealed class ErrorDataTests
{
    [Fact]
    public async Task A_cart_error_carries_the_limit_it_passed()
    {
        using var host = new CartTestHost(o => (o.Carts.MaxQuantityPerLine, o.Carts.MaxLines) = (5, 1));
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;

        var tooMany = (await host.Carts.AddItemAsync(token, Item(quantity: 6))).Error!;
        await host.Carts.AddItemAsync(token, Item("a"));
        var tooManyLines = (await host.Carts.AddItemAsync(token, Item("b"))).Error!;

        Assert.Equal(CartErrorCodes.QuantityInvalid, tooMany.Code);
        Assert.Equal("5", tooMany.Data[ShopErrorData.Limit]);
        Assert.Equal(CartErrorCodes.TooManyLines, tooManyLines.Code);
        Assert.Equal("1", tooManyLines.Data[ShopErrorData.Limit]);
    }

    [Fact]
    public async Task A_product_error_names_the_field_as_the_api_spells_it()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;

        var sku = (await host.Carts.AddItemAsync(token, Item() with { Sku = "" })).Error!;
        var productId = (await host.Carts.AddItemAsync(token, Item(productId: " "))).Error!;
        var mismatch = (await host.Carts.AddItemAsync(token, Item(currency: Currency.USD))).Error!;

        Assert.Equal(("sku", "64"), (sku.Data[ShopErrorData.Field], sku.Data[ShopErrorData.Limit]));
        Assert.Equal("The SKU is required and at most 64 characters long.", sku.Description);
        Assert.Equal("product_id", productId.Data[ShopErrorData.Field]);
        Assert.Equal(("EUR", "USD"), (mismatch.Data[ShopErrorData.CartCurrency], mismatch.Data[ShopErrorData.PriceCurrency]));
    }

    [Fact]
    public void Checkout_errors_carry_their_facts()
    {
        var stock = CheckoutErrors.OutOfStock("TEE-RED", -2);
        var coupon = CheckoutErrors.CouponRejected(new CouponRejection("SPRING", CouponRejectionReasons.Exhausted));
        var total = CheckoutErrors.TotalChangedTo(new ShopKernel.Money(1000, Currency.EUR), new ShopKernel.Money(1250, Currency.EUR));
        var email = CheckoutErrors.ContactInvalid("email", new ShopError(CustomerErrorCodes.EmailInvalid, "No."));

        Assert.Equal(("TEE-RED", "0"), (stock.Data[ShopErrorData.Sku], stock.Data[ShopErrorData.Available]));
        Assert.Equal("Only 0 of 'TEE-RED' left in stock.", stock.Description);
        Assert.Equal(("SPRING", "exhausted"), (coupon.Data[ShopErrorData.CouponCode], coupon.Data[ShopErrorData.Reason]));
        Assert.Equal(("10.00 EUR", "12.50 EUR"), (total.Data[ShopErrorData.ExpectedTotal], total.Data[ShopErrorData.Total]));
        Assert.Equal(("email", CustomerErrorCodes.EmailInvalid), (email.Data[ShopErrorData.Field], email.Data[ShopErrorData.Cause]));
        Assert.StartsWith("The e-mail is not valid", email.Description, StringComparison.Ordinal);
        Assert.Equal("postalCode", CheckoutErrors.AddressInvalid("postalCode").Data[ShopErrorData.Field]);
    }

    [Fact]
    public void Order_customer_and_promotion_errors_carry_their_facts()
    {
        var transition = OrderErrors.TransitionInvalid(OrderStatus.Cancelled, OrderStatus.Shipped);
        var password = CustomerErrors.PasswordLength(10, 128);

        Assert.Equal(("Cancelled", "Shipped"), (transition.Data[ShopErrorData.FromStatus], transition.Data[ShopErrorData.ToStatus]));
        Assert.Equal(("10", "128"), (password.Data[ShopErrorData.MinimumLength], password.Data[ShopErrorData.MaximumLength]));
        Assert.Equal("street", CustomerErrors.AddressInvalid("street").Data[ShopErrorData.Field]);
        Assert.Equal("366", CustomerErrors.SegmentWindowInvalid(366).Data[ShopErrorData.Limit]);
    }

    [Fact]
    public void Errors_with_the_same_facts_are_equal()
    {
        Assert.Equal(CartErrors.QuantityInvalid(5), CartErrors.QuantityInvalid(5));
        Assert.Equal(CartErrors.QuantityInvalid(5).GetHashCode(), CartErrors.QuantityInvalid(5).GetHashCode());
        Assert.NotEqual(CheckoutErrors.OutOfStock("A", 1), CheckoutErrors.OutOfStock("A", 1) with { Data = new Dictionary<string, string> { [ShopErrorData.Sku] = "B" } });
    }
}
