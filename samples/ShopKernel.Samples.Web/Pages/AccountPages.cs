using System.Text;
using ShopKernel.AspNetCore;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Subscriptions;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>Registration, sign-in, e-mail verification and the account page with order history and newsletter box.</summary>
public static class AccountPages
{
    /// <summary>Maps the pages.</summary>
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/register", (HttpContext http) => RegisterForm(ShopState.From(http), null, null, StatusCodes.Status200OK));
        app.MapPost("/account/register", RegisterAsync);
        app.MapGet("/account/signin", (HttpContext http) => SignInForm(ShopState.From(http), null, null, StatusCodes.Status200OK));
        app.MapPost("/account/signin", SignInAsync);
        app.MapGet("/account/verify", (HttpContext http, string? token) => Page("Confirm your e-mail address", ShopState.From(http), $"""
            <p>Whoever confirms this address owns the account the mail named: its current password ends and you choose one.</p>
            <form method="post" action="{E(ShopState.From(http).Link("/account/verify", ("token", token)))}">
            <label>New password (at least 8 characters; or choose it on the next page) <input name="password" id="new-password" type="password" minlength="8" autocomplete="new-password"></label>
            <button type="submit" id="verify">Confirm my e-mail address</button>
            </form>
            """));
        app.MapPost("/account/verify", VerifyAsync);
        app.MapPost("/account/password", SetPasswordAsync);
        app.MapGet("/account", ShowAsync);
        app.MapPost("/account/verification", ResendVerificationAsync);
        app.MapPost("/account/newsletter", NewsletterAsync);
    }

    private static IResult RegisterForm(ShopState state, IFormCollection? form, string? error, int statusCode) =>
        Page("Register", state, $"""
            {Error(error)}
            <form method="post" action="{E(state.Link("/account/register"))}">
            <label>First name <input name="firstName" id="firstName" required value="{E(form?["firstName"])}"></label>
            <label>Last name <input name="lastName" id="lastName" required value="{E(form?["lastName"])}"></label>
            <label>E-mail <input name="email" id="email" type="email" required value="{E(form?["email"])}"></label>
            <label>Password (at least 8 characters) <input name="password" id="password" type="password" required minlength="8"></label>
            {CheckoutPages.NewsletterBox}
            <button type="submit" id="register">Register</button>
            </form>
            <p class="note">Orders you placed as a guest with this e-mail join your history once you confirm the address.</p>
            """, statusCode);

    private static IResult SignInForm(ShopState state, string? login, string? error, int statusCode) =>
        Page("Sign in", state, $"""
            {Error(error)}
            <form method="post" action="{E(state.Link("/account/signin"))}">
            <label>E-mail or phone <input name="login" id="login" required value="{E(login)}"></label>
            <label>Password <input name="password" id="password" type="password" required></label>
            <button type="submit" id="sign-in">Sign in</button>
            </form>
            """, statusCode);

    private static async Task<IResult> RegisterAsync(HttpContext http, CustomerService customers, CartService carts, SubscriptionService subscriptions, MailOutbox mail, SessionTokens sessions)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var registered = await customers.RegisterAsync(new CustomerRegistration(form["firstName"].ToString().Trim(), form["lastName"].ToString().Trim())
        {
            Email = form["email"].ToString(),
            Password = form["password"].ToString(),
        }, http.RequestAborted);
        if (!registered.TryGetValue(out var customer))
        {
            var message = registered.Error!.Code == CustomerErrorCodes.Duplicate
                ? "An account with this e-mail address exists already. Sign in instead."
                : BuyerMessages.For(registered.Error);
            return RegisterForm(state, form, message, ShopErrorStatusCodes.For(registered.Error.Code));
        }

        var baseUri = CartPages.BaseUri(http.Request);
        var subject = ConsentSubject.ForCustomer(customer.Id);
        if (form["newsletter"] == "yes")
        {
            await SubscriptionPages.RequestNewsletterAsync(subscriptions, mail, subject, ConsentSource.SignUpForm, http, baseUri);
        }

        await SendVerificationAsync(customers, subscriptions, mail, customer.Id, baseUri, http.RequestAborted);
        return Results.Redirect(await StartSessionAsync(state, customer.Id, carts, sessions, http.RequestAborted));
    }

    private static async Task<IResult> SignInAsync(HttpContext http, CustomerService customers, CartService carts, SessionTokens sessions)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var signedIn = await customers.SignInAsync(form["login"].ToString(), form["password"].ToString(), http.RequestAborted);
        if (!signedIn.TryGetValue(out var customer))
        {
            var message = signedIn.Error!.Code == CustomerErrorCodes.LockedOut
                ? "Too many failed attempts: please wait a few minutes and try again."
                : "The e-mail, phone or password is not right.";
            return SignInForm(state, form["login"], message, ShopErrorStatusCodes.For(signedIn.Error.Code));
        }

        return Results.Redirect(await StartSessionAsync(state, customer.Id, carts, sessions, http.RequestAborted));
    }

    /// <summary>Starts a session; the guest cart in the URL joins the customer's cart.</summary>
    private static async Task<string> StartSessionAsync(ShopState state, CustomerId customerId, CartService carts, SessionTokens sessions, CancellationToken cancellationToken)
    {
        if (state.Cart is { } guestCart)
        {
            // An expired or unknown guest cart simply has nothing to bring along.
            await carts.AttachToCustomerAsync(guestCart, customerId, cancellationToken: cancellationToken);
        }

        return (state with { Cart = null, Session = sessions.Issue(customerId), CustomerId = customerId }).Link("/account");
    }

    private static async Task SendVerificationAsync(CustomerService customers, SubscriptionService subscriptions, MailOutbox mail, CustomerId customerId, Uri baseUri, CancellationToken cancellationToken)
    {
        var issued = await customers.IssueVerificationTokenAsync(customerId, ContactKind.Email, cancellationToken);
        if (issued.Error?.Code == CustomerErrorCodes.ClaimExpired && (await customers.GetAsync(customerId, cancellationToken)).TryGetValue(out var customer))
        {
            // The address was set too long ago to be confirmed: the signed-in customer asking again claims it anew.
            await customers.ChangeEmailAsync(customerId, customer.Email, cancellationToken);
            issued = await customers.IssueVerificationTokenAsync(customerId, ContactKind.Email, cancellationToken);
        }

        if (issued.TryGetValue(out var token))
        {
            // The mail says which account it confirms, so someone who did not register can tell it is not theirs.
            await mail.WriteAsync(subscriptions, ConsentSubject.ForCustomer(customerId), token.SendTo, "Please confirm your e-mail address", $"""
                Someone registered at the ShopKernel sample shop with this address. {token.Action}
                Confirm it here (valid until {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC):
                {new Uri(baseUri, $"account/verify?token={Uri.EscapeDataString(token.Token)}")}

                Orders you placed as a guest with this address then appear in that account.
                If you did not register, or this is not your account, ignore this mail: nothing changes.
                """, baseUri, cancellationToken: cancellationToken);
        }
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, string? token, CustomerService customers, SessionTokens sessions)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var password = form["password"].ToString();
        var verified = await customers.VerifyContactAsync(token ?? string.Empty, password.Length == 0 ? null : password, http.RequestAborted);
        if (!verified.TryGetValue(out var verification))
        {
            var code = verified.Error!.Code;
            return Page("Not confirmed", state, Error(code switch
            {
                CustomerErrorCodes.TokenExpired or CustomerErrorCodes.ClaimExpired => "This link has expired. Sign in and ask for a new one on your account page.",
                CustomerErrorCodes.PasswordInvalid => "The password needs at least 8 characters. Go back and choose another; the link still works.",
                CustomerErrorCodes.Duplicate => "Another account has confirmed this address already.",
                _ => "This link is not valid or has been used already.",
            }), ShopErrorStatusCodes.For(code));
        }

        var linked = verification.LinkedOrders switch { 0 => string.Empty, 1 => " One earlier order joined your account.", var n => $" {n} earlier orders joined your account." };
        var confirmed = $"<p id=\"verified\">Thank you, your e-mail address is confirmed.{linked}</p>";
        if (verification.CredentialsReset || verification.NeedsPassword)
        {
            // Proving the mailbox made this person the account's owner: earlier sessions ended, this one starts.
            state = state with { Cart = null, Session = sessions.Issue(verification.Customer.Id), CustomerId = verification.Customer.Id };
        }

        if (verification.NeedsPassword)
        {
            return Page("E-mail address confirmed", state, confirmed + $"""
                <p id="password-reset">The account's earlier password has ended. Choose yours:</p>
                <form method="post" action="{E(state.Link("/account/password"))}">
                <label>New password (at least 8 characters) <input name="password" id="set-password" type="password" required minlength="8" autocomplete="new-password"></label>
                <button type="submit" id="save-password">Save password</button>
                </form>
                """);
        }

        return Page("E-mail address confirmed", state, confirmed + $"<p><a href=\"{E(state.Link(state.SignedIn ? "/account" : "/account/signin"))}\">Go to your account</a></p>");
    }

    private static async Task<IResult> SetPasswordAsync(HttpContext http, CustomerService customers)
    {
        var state = ShopState.From(http);
        if (state.CustomerId is not { } id)
        {
            return SignInForm(state, null, "Please sign in.", StatusCodes.Status401Unauthorized);
        }

        // Only an account without a password gets here without the current one (after proving its e-mail address).
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var changed = await customers.ChangePasswordAsync(id, null, form["password"].ToString(), http.RequestAborted);
        return changed.Succeeded
            ? Results.Redirect(state.Link("/account"))
            : Page("Password not saved", state, Error(changed.Error!.Code == CustomerErrorCodes.PasswordInvalid
                ? "The password needs at least 8 characters."
                : "This account has a password already: change it with the current one."), StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, CustomerService customers, OrderService orders, SubscriptionService subscriptions)
    {
        var state = ShopState.From(http);
        if (state.CustomerId is not { } id || !(await customers.GetAsync(id, http.RequestAborted)).TryGetValue(out var customer))
        {
            return SignInForm(state, null, "Please sign in.", StatusCodes.Status401Unauthorized);
        }

        var body = new StringBuilder($"<p>{E(customer.FirstName)} {E(customer.LastName)} · {E(customer.Email)} ");
        body.Append(customer.EmailVerified
            ? "(confirmed)</p>"
            : $"(not confirmed yet)</p><form method=\"post\" action=\"{E(state.Link("/account/verification"))}\"><button type=\"submit\">Send the confirmation mail again</button></form>");

        var status = await subscriptions.GetStatusAsync(ConsentSubject.ForCustomer(id), CheckoutPages.Newsletter, http.RequestAborted);
        var newsletter = status.TryGetValue(out var s) ? s.State : SubscriptionState.NotSubscribed;
        body.Append("<h2>Newsletter</h2>").Append(newsletter switch
        {
            SubscriptionState.Subscribed => $"<form method=\"post\" action=\"{E(state.Link("/account/newsletter"))}\"><p id=\"newsletter-state\">You get the newsletter.</p><input type=\"hidden\" name=\"action\" value=\"unsubscribe\"><button type=\"submit\">Unsubscribe</button></form>",
            SubscriptionState.Pending => "<p id=\"newsletter-state\">Waiting for your confirmation: follow the link in the mail we sent you.</p>",
            _ => $"<form method=\"post\" action=\"{E(state.Link("/account/newsletter"))}\">{CheckoutPages.NewsletterBox}<input type=\"hidden\" name=\"action\" value=\"subscribe\"><button type=\"submit\">Save</button></form>",
        });

        body.Append("<h2>Your orders</h2>");
        var history = (await orders.ListForCustomerAsync(id, cancellationToken: http.RequestAborted)).Value;
        if (history.Items.Count == 0)
        {
            body.Append("<p id=\"no-orders\">No orders yet.</p>");
        }

        foreach (var order in history.Items)
        {
            body.Append($"<h3 class=\"history-number\">{E(order.DisplayNumber)}</h3>").Append(CheckoutPages.RenderOrder(order));
        }

        return Page("My account", state, body.ToString());
    }

    private static async Task<IResult> ResendVerificationAsync(HttpContext http, CustomerService customers, SubscriptionService subscriptions, MailOutbox mail)
    {
        var state = ShopState.From(http);
        if (state.CustomerId is not { } id)
        {
            return SignInForm(state, null, "Please sign in.", StatusCodes.Status401Unauthorized);
        }

        await SendVerificationAsync(customers, subscriptions, mail, id, CartPages.BaseUri(http.Request), http.RequestAborted);
        return Results.Redirect(state.Link("/account"));
    }

    private static async Task<IResult> NewsletterAsync(HttpContext http, SubscriptionService subscriptions, MailOutbox mail)
    {
        var state = ShopState.From(http);
        if (state.CustomerId is not { } id)
        {
            return SignInForm(state, null, "Please sign in.", StatusCodes.Status401Unauthorized);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var subject = ConsentSubject.ForCustomer(id);
        if (form["action"] == "unsubscribe")
        {
            await subscriptions.UnsubscribeAsync(subject, CheckoutPages.Newsletter, SubscriptionPages.Evidence(ConsentSource.AccountPage, http), http.RequestAborted);
        }
        else if (form["newsletter"] == "yes")
        {
            await SubscriptionPages.RequestNewsletterAsync(subscriptions, mail, subject, ConsentSource.AccountPage, http, CartPages.BaseUri(http.Request));
        }

        return Results.Redirect(state.Link("/account"));
    }
}
