namespace ShopKernel.Diagnostics;

/// <summary>
/// The names under which ShopKernel reports metrics and traces, for hosts to subscribe to (e.g. OpenTelemetry's
/// <c>AddMeter(ShopKernelTelemetry.MeterName)</c> and <c>AddSource(ShopKernelTelemetry.ActivitySourceName)</c>).
/// No instrument, span or tag carries personal data.
/// </summary>
public static class ShopKernelTelemetry
{
    /// <summary>The name of ShopKernel's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "ShopKernel";

    /// <summary>The name of ShopKernel's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "ShopKernel";

    /// <summary>The names of ShopKernel's instruments.</summary>
    public static class Instruments
    {
        /// <summary>Counter of carts created ({cart}); tag <see cref="Tags.CartKind"/>.</summary>
        public const string CartsCreated = "shopkernel.carts.created";

        /// <summary>Counter of item units added to carts ({item}).</summary>
        public const string ItemsAdded = "shopkernel.cart.items.added";

        /// <summary>Counter of orders placed ({order}); tags <see cref="Tags.PaymentMethod"/> and <see cref="Tags.OnHold"/>.</summary>
        public const string OrdersPlaced = "shopkernel.orders.placed";

        /// <summary>Counter of checkouts answered with the order an earlier submission placed ({order}).</summary>
        public const string CheckoutReplays = "shopkernel.checkout.replays";

        /// <summary>Counter of writes retried on fresh data after a concurrent change ({retry}); tag <see cref="Tags.Operation"/>.</summary>
        public const string ConcurrencyRetries = "shopkernel.concurrency.retries";

        /// <summary>
        /// Counter of checkouts a guard (e.g. the stop list) refused or held for review ({checkout}); tags
        /// <see cref="Tags.Outcome"/> (<c>refused</c> or <c>held</c>) and <see cref="Tags.ErrorType"/> (the refusal's code).
        /// </summary>
        public const string CheckoutsBlocked = "shopkernel.checkout.blocked";

        /// <summary>Counter of subscriptions withdrawn ({subscription}); tag <see cref="Tags.ConsentSource"/>.</summary>
        public const string Unsubscribes = "shopkernel.subscriptions.unsubscribed";

        /// <summary>Histogram of checkout durations in seconds; tags <see cref="Tags.Outcome"/> and <see cref="Tags.ErrorType"/>.</summary>
        public const string CheckoutDuration = "shopkernel.checkout.duration";
    }

    /// <summary>The names of ShopKernel's spans, one per use case.</summary>
    public static class Spans
    {
        /// <summary>A guest cart is created.</summary>
        public const string CartCreate = "shopkernel.cart.create";

        /// <summary>An item is added to a cart.</summary>
        public const string CartAddItem = "shopkernel.cart.add_item";

        /// <summary>A line's quantity is set, a line removed or the cart cleared.</summary>
        public const string CartUpdate = "shopkernel.cart.update";

        /// <summary>A guest's cart is attached to a customer or merged into theirs.</summary>
        public const string CartMerge = "shopkernel.cart.merge";

        /// <summary>An order is placed.</summary>
        public const string Checkout = "shopkernel.checkout";

        /// <summary>A customer registers.</summary>
        public const string CustomerRegister = "shopkernel.customer.register";

        /// <summary>A customer signs in with a password.</summary>
        public const string CustomerSignIn = "shopkernel.customer.sign_in";

        /// <summary>A customer verifies a contact with a token.</summary>
        public const string CustomerVerify = "shopkernel.customer.verify";

        /// <summary>A customer changes their name or birthday.</summary>
        public const string CustomerUpdateProfile = "shopkernel.customer.update_profile";

        /// <summary>A customer's shipping address is remembered.</summary>
        public const string CustomerRememberAddress = "shopkernel.customer.remember_address";

        /// <summary>A customer's remembered shipping address is forgotten.</summary>
        public const string CustomerForgetAddress = "shopkernel.customer.forget_address";

        /// <summary>A customer changes or removes their e-mail address or phone number; tag <see cref="Tags.ContactKind"/>.</summary>
        public const string CustomerChangeContact = "shopkernel.customer.change_contact";

        /// <summary>A customer sets or changes their password.</summary>
        public const string CustomerChangePassword = "shopkernel.customer.change_password";

        /// <summary>A token is issued to verify a customer's contact; tag <see cref="Tags.ContactKind"/>.</summary>
        public const string CustomerIssueVerification = "shopkernel.customer.issue_verification";

        /// <summary>Everything held about a customer is exported.</summary>
        public const string CustomerExport = "shopkernel.customer.export";

        /// <summary>A customer is erased; tags <see cref="Tags.ProfileRemoved"/>, <see cref="Tags.CartsRemoved"/> and <see cref="Tags.OrdersAnonymised"/>.</summary>
        public const string CustomerErase = "shopkernel.customer.erase";

        /// <summary>A customer segment is exported as CSV or XLSX; tag <see cref="Tags.RowCount"/>.</summary>
        public const string CustomerSegmentExport = "shopkernel.customer.segment_export";

        /// <summary>Staff change an order's status; tags <see cref="Tags.OrderNumber"/> and <see cref="Tags.OrderStatus"/>.</summary>
        public const string OrderChangeStatus = "shopkernel.order.change_status";

        /// <summary>Some units of an order are returned; tag <see cref="Tags.OrderNumber"/>.</summary>
        public const string OrderReturn = "shopkernel.order.return";

        /// <summary>A refund of an order is recorded; tag <see cref="Tags.OrderNumber"/>.</summary>
        public const string OrderRefund = "shopkernel.order.refund";

        /// <summary>A promotion is created; tags <see cref="Tags.PromotionId"/> and <see cref="Tags.PromotionKind"/>.</summary>
        public const string PromotionCreate = "shopkernel.promotion.create";

        /// <summary>A promotion is replaced; tags <see cref="Tags.PromotionId"/> and <see cref="Tags.PromotionKind"/>.</summary>
        public const string PromotionUpdate = "shopkernel.promotion.update";

        /// <summary>A promotion is deactivated; tags <see cref="Tags.PromotionId"/> and <see cref="Tags.PromotionKind"/>.</summary>
        public const string PromotionDeactivate = "shopkernel.promotion.deactivate";

        /// <summary>A cart is priced for display.</summary>
        public const string Pricing = "shopkernel.pricing";

        /// <summary>A subscription is requested.</summary>
        public const string SubscriptionRequest = "shopkernel.subscription.request";

        /// <summary>A pending subscription is confirmed.</summary>
        public const string SubscriptionConfirm = "shopkernel.subscription.confirm";

        /// <summary>Consent is withdrawn, by the subject or with a one-click token.</summary>
        public const string SubscriptionUnsubscribe = "shopkernel.subscription.unsubscribe";

        /// <summary>A send is recorded against the caps.</summary>
        public const string SubscriptionSend = "shopkernel.subscription.send";

        /// <summary>The stop list is checked at checkout.</summary>
        public const string StopListCheck = "shopkernel.stop_list.check";

        /// <summary>Staff put a buyer on the stop list; tags <see cref="Tags.StopListScope"/> and <see cref="Tags.StopListReason"/>.</summary>
        public const string StopListAdd = "shopkernel.stop_list.add";

        /// <summary>Staff change a stop-list entry; tags <see cref="Tags.StopListScope"/> and <see cref="Tags.StopListReason"/> (the new ones).</summary>
        public const string StopListChange = "shopkernel.stop_list.change";

        /// <summary>Staff lift a stop-list entry; tag <see cref="Tags.StopListScope"/> (of the entry lifted).</summary>
        public const string StopListRemove = "shopkernel.stop_list.remove";

        /// <summary>
        /// The delivery outcome of an order is recorded; tags <see cref="Tags.DeliveryOutcome"/>,
        /// <see cref="Tags.DeliveryCounted"/> and <see cref="Tags.BuyerFlagged"/>.
        /// </summary>
        public const string StopListDeliveryOutcome = "shopkernel.stop_list.delivery_outcome";
    }

    /// <summary>The tags on ShopKernel's measurements and spans; none holds personal data.</summary>
    public static class Tags
    {
        /// <summary>
        /// How a use case ended: <c>success</c> or <c>failure</c>; for checkout <c>placed</c>, <c>held</c>, <c>replayed</c>,
        /// <c>refused</c> or <c>failed</c>; for the stop-list check <c>allowed</c>, <c>held</c> or <c>refused</c>.
        /// </summary>
        public const string Outcome = "shopkernel.outcome";

        /// <summary>The error code of a failure (e.g. <c>checkout.cart_empty</c>), or the exception type of a fault.</summary>
        public const string ErrorType = "error.type";

        /// <summary>Which operation retried: <c>cart</c> or <c>checkout</c>.</summary>
        public const string Operation = "shopkernel.operation";

        /// <summary>Whether a new cart is a <c>guest</c> or a <c>customer</c> cart.</summary>
        public const string CartKind = "shopkernel.cart.kind";

        /// <summary>The number of lines of the cart or order.</summary>
        public const string LineCount = "shopkernel.line_count";

        /// <summary>The readable number of the order placed or changed.</summary>
        public const string OrderNumber = "shopkernel.order.number";

        /// <summary>The status an order is moved to, in snake case (e.g. <c>shipped</c>, <c>refused_on_delivery</c>).</summary>
        public const string OrderStatus = "shopkernel.order.status";

        /// <summary>The payment method of the order as configured, or <c>unlisted</c> when the shop configures none.</summary>
        public const string PaymentMethod = "shopkernel.payment_method";

        /// <summary>Whether the order was placed on hold for review.</summary>
        public const string OnHold = "shopkernel.order.on_hold";

        /// <summary>How many attempts a write took (1 when no race was lost).</summary>
        public const string Attempts = "shopkernel.attempts";

        /// <summary>The number of guest orders a verified contact linked to the customer.</summary>
        public const string LinkedOrders = "shopkernel.customer.linked_orders";

        /// <summary>The number of price adjustments (discounts) applied.</summary>
        public const string AdjustmentCount = "shopkernel.pricing.adjustment_count";

        /// <summary>The subscription topic id.</summary>
        public const string Topic = "shopkernel.subscription.topic";

        /// <summary>Where consent was given or withdrawn (a <c>ConsentSource</c> name).</summary>
        public const string ConsentSource = "shopkernel.consent.source";

        /// <summary>The number of subscriptions withdrawn.</summary>
        public const string Withdrawn = "shopkernel.subscription.withdrawn";

        /// <summary>The number of buyer keys looked up on the stop list.</summary>
        public const string KeyCount = "shopkernel.stop_list.key_count";

        /// <summary>
        /// A stop-list scope in snake case (<c>block_orders</c>, <c>block_cash_on_delivery</c>, <c>review</c>,
        /// <c>block_marketing</c>): at checkout the strongest one matched (<c>none</c> when nothing matched), on staff
        /// changes the entry's.
        /// </summary>
        public const string StopListScope = "shopkernel.stop_list.scope";

        /// <summary>Why a buyer is on the stop list, in snake case (e.g. <c>manual</c>, <c>refused_deliveries</c>, <c>fraud</c>).</summary>
        public const string StopListReason = "shopkernel.stop_list.reason";

        /// <summary>How a delivery ended: <c>delivered</c>, <c>refused</c> or <c>unclaimed</c>.</summary>
        public const string DeliveryOutcome = "shopkernel.delivery.outcome";

        /// <summary>Whether a delivery outcome counts against the buyer (a refused or unclaimed cash-on-delivery parcel).</summary>
        public const string DeliveryCounted = "shopkernel.delivery.counted";

        /// <summary>Whether recording a delivery outcome added a cash-on-delivery block for the buyer.</summary>
        public const string BuyerFlagged = "shopkernel.stop_list.flagged";

        /// <summary>Which contact a customer changes or verifies: <c>email</c> or <c>phone</c>.</summary>
        public const string ContactKind = "shopkernel.customer.contact_kind";

        /// <summary>Whether erasure deleted a customer profile (<see langword="false"/> when it was erased before).</summary>
        public const string ProfileRemoved = "shopkernel.erasure.profile_removed";

        /// <summary>The number of carts erasure deleted.</summary>
        public const string CartsRemoved = "shopkernel.erasure.carts_removed";

        /// <summary>The number of orders erasure anonymised.</summary>
        public const string OrdersAnonymised = "shopkernel.erasure.orders_anonymised";

        /// <summary>The number of rows an export wrote (without the header).</summary>
        public const string RowCount = "shopkernel.row_count";

        /// <summary>The id of a promotion, as staff defined it.</summary>
        public const string PromotionId = "shopkernel.promotion.id";

        /// <summary>The kind of a promotion in snake case (e.g. <c>campaign</c>, <c>first_order</c>, <c>coupon</c>).</summary>
        public const string PromotionKind = "shopkernel.promotion.kind";
    }
}
