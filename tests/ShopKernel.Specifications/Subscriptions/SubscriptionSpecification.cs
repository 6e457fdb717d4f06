using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Specifications.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace ShopKernel.Specifications.Subscriptions;

/// <summary>Consent-tracked subscriptions on every provider: the ledger, double opt-in, unsubscribe, the cap, eligibility, erasure.</summary>
public abstract class SubscriptionSpecification : CustomerSteps
{
    protected const string Newsletter = "newsletter";
    protected const string Flash = "flash-sales";
    protected const string Sms = "sms-offers";
    protected const string CanaryDomain = "post-lindenhof.example";

    protected static readonly ConsentEvidence Ticked = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (X11; Linux)",
    };

    protected Suppression Blocked { get; } = new();

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = Flash, DoubleOptIn = false, Cap = new FrequencyCap { MaxMessages = 3, Period = TimeSpan.FromDays(7) } });
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = Sms, Channel = SubscriptionChannel.Sms, Cap = new FrequencyCap { MinimumGap = TimeSpan.FromDays(1) } });
        options.Subscriptions.GlobalCap = new FrequencyCap { MaxMessages = 5, Period = TimeSpan.FromDays(1) };
        options.Exports.CanaryEmailDomain = CanaryDomain;
        options.Exports.CanaryPhonePrefix = "+49 30 123456";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IMarketingSuppression>(Blocked);

    protected Task<T> Subs<T>(Func<SubscriptionService, Task<T>> call) => Use(call);

    protected Task<Result<SubscriptionRequestOutcome>> RequestAsync(string topic, ConsentSubject subject, ConsentEvidence? evidence = null) =>
        Subs(s => s.RequestAsync(topic, subject, evidence ?? Ticked));

    protected async Task<ConsentSubject> SubscribedGuestAsync(string email, string topic = Newsletter)
    {
        var subject = ConsentSubject.ForEmail(email);
        var requested = await RequestAsync(topic, subject);
        Assert.True(requested.Succeeded, requested.Error?.ToString());
        if (requested.Value.Confirmation is { } confirmation)
        {
            Assert.True((await Subs(s => s.ConfirmAsync(confirmation.Token))).Succeeded);
        }

        return subject;
    }

    protected Task<SubscriptionState> StateAsync(ConsentSubject subject, string topic = Newsletter) =>
        Subs(async s => (await s.GetStatusAsync(subject, topic)).Value.State);

    protected Task<IReadOnlyList<StoredConsentEvent>> LedgerAsync() => Storage.ConsentLedgerAsync();

    protected async Task<(int Events, int Subscriptions, int Sends)> CountsAsync() =>
        (await Storage.CountAsync(Stored.ConsentEvents), await Storage.CountAsync(Stored.Subscriptions), await Storage.CountAsync(Stored.SubscriptionSends));

    [Fact]
    public async Task Double_opt_in_stays_pending_until_the_token_confirms_it_once()
    {
        var guest = ConsentSubject.ForEmail("Ada.Lovelace@Example.com");

        var requested = await RequestAsync(Newsletter, guest);

        Assert.Equal(SubscriptionState.Pending, requested.Value.State);
        Assert.Equal("Ada.Lovelace@example.com", requested.Value.Confirmation!.SendTo);
        Assert.Equal(SubscriptionState.Pending, await StateAsync(ConsentSubject.ForEmail("  ada.lovelace@EXAMPLE.com ")));
        Host.Time.Advance(TimeSpan.FromHours(1));

        var confirmed = await Subs(s => s.ConfirmAsync(requested.Value.Confirmation.Token, new ConsentEvidence(ConsentSource.ConfirmationLink) { IpAddress = "198.51.100.1" }));
        var again = await Subs(s => s.ConfirmAsync(requested.Value.Confirmation.Token));

        Assert.Equal(SubscriptionState.Subscribed, confirmed.Value.State);
        Assert.Equal(SubscriptionErrorCodes.TokenUsed, again.Error?.Code);
        var proof = (await Subs(s => s.GetProofAsync(Clerk, guest, Newsletter))).Value;
        Assert.Equal(SubscriptionState.Subscribed, proof.State);
        Assert.Equal([ConsentEventKind.Requested, ConsentEventKind.Confirmed], proof.Events.Select(e => e.Kind));
        Assert.Equal([1, 2], proof.Events.Select(e => e.Sequence));
        var request = proof.Events[0];
        Assert.Equal((ConsentSource.CheckoutForm, "newsletter-2026-03", true, "203.0.113.7"), (request.Evidence.Source, request.Evidence.WordingVersion, request.Evidence.BoxStartedUnticked, request.Evidence.IpAddress));
        Assert.Equal(Host.Time.GetUtcNow().AddHours(-1), request.At);
        Assert.Equal((ConsentSource.ConfirmationLink, "198.51.100.1"), (proof.Events[1].Evidence.Source, proof.Events[1].Evidence.IpAddress));
    }

    [Fact]
    public async Task A_topic_without_double_opt_in_subscribes_at_once_and_asking_again_changes_nothing()
    {
        var guest = ConsentSubject.ForEmail("grace@example.com");

        var first = await RequestAsync(Flash, guest);
        var second = await RequestAsync(Flash, guest);

        Assert.Equal(new SubscriptionRequestOutcome(SubscriptionState.Subscribed, null), first.Value);
        Assert.Equal(new SubscriptionRequestOutcome(SubscriptionState.Subscribed, null), second.Value);
        Assert.Equal((2, 1, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_new_request_replaces_the_pending_token_and_a_request_expires_unconfirmed()
    {
        var guest = ConsentSubject.ForPhone("030 1234567");
        var first = (await RequestAsync(Sms, guest)).Value.Confirmation!;
        var second = (await RequestAsync(Sms, guest)).Value.Confirmation!;

        Assert.Equal("+49301234567", second.SendTo);
        Assert.Equal(SubscriptionErrorCodes.TokenUsed, (await Subs(s => s.ConfirmAsync(first.Token))).Error?.Code);

        Host.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(SubscriptionErrorCodes.TokenExpired, (await Subs(s => s.ConfirmAsync(second.Token))).Error?.Code);
        Assert.Equal(SubscriptionState.NotSubscribed, await StateAsync(guest, Sms));
        Assert.Equal(SubscriptionState.NotSubscribed, (await Subs(s => s.GetProofAsync(Clerk, guest, Sms))).Value.State);
    }

    [Fact]
    public async Task Bad_input_gets_a_typed_error_and_stores_nothing()
    {
        var ada = (await RegisterAsync(Ada(phone: null))).Value;
        var pending = (await RequestAsync(Newsletter, ConsentSubject.ForEmail("grace@example.com"))).Value.Confirmation!.Token;
        var before = await CountsAsync();
        var tampered = pending[..^2] + (pending[^2] == 'A' ? "BA" : "AA");

        Assert.Equal(SubscriptionErrorCodes.TopicUnknown, (await RequestAsync("no-such-topic", ConsentSubject.ForCustomer(ada.Id))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.ConsentPreTicked, (await RequestAsync(Newsletter, ConsentSubject.ForCustomer(ada.Id), Ticked with { BoxStartedUnticked = false })).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.RequestInvalid, (await RequestAsync(Newsletter, ConsentSubject.ForCustomer(ada.Id), Ticked with { WordingVersion = null })).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.RequestInvalid, (await RequestAsync(Newsletter, ConsentSubject.ForCustomer(ada.Id), Ticked with { UserAgent = new string('x', 513) })).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.ContactInvalid, (await RequestAsync(Newsletter, ConsentSubject.ForEmail("not an address"))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.ContactInvalid, (await RequestAsync(Newsletter, ConsentSubject.ForPhone("+49 30 1234567"))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.ContactInvalid, (await RequestAsync(Sms, ConsentSubject.ForPhone("12"))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.ContactInvalid, (await RequestAsync(Sms, ConsentSubject.ForCustomer(ada.Id))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.CustomerNotFound, (await RequestAsync(Newsletter, ConsentSubject.ForCustomer(CustomerId.New()))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.TokenInvalid, (await Subs(s => s.ConfirmAsync(tampered))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.TokenInvalid, (await Subs(s => s.ConfirmAsync("garbage"))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.TokenInvalid, (await Subs(s => s.RedeemUnsubscribeTokenAsync(pending))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.NotSubscribed, (await Subs(s => s.RecordSendAsync(ConsentSubject.ForEmail("grace@example.com"), Newsletter))).Error?.Code);
        Assert.Equal(SubscriptionErrorCodes.RequestInvalid, (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter, pageSize: 0))).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SegmentInvalid, (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter, CustomerSegment.All.WithOrderCountAtLeast(-1)))).Error?.Code);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_sign_in_and_is_idempotent()
    {
        var guest = await SubscribedGuestAsync("grace@example.com");
        await SubscribedGuestAsync("grace@example.com", Flash);
        var topicToken = (await Subs(s => s.CreateUnsubscribeTokenAsync(guest, Newsletter))).Value.Token;
        var allToken = (await Subs(s => s.CreateUnsubscribeTokenAsync(guest))).Value.Token;

        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(topicToken))).Value);
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(topicToken))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(guest));
        Assert.Equal(SubscriptionState.Subscribed, await StateAsync(guest, Flash));
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(allToken))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(guest, Flash));
        var proof = (await Subs(s => s.GetProofAsync(Clerk, guest, Flash))).Value;
        Assert.Equal(ConsentSource.UnsubscribeLink, proof.Events[^1].Evidence.Source);

        // Subscribing again later works, and the old link withdraws again: it names the subscription, not a moment.
        await SubscribedGuestAsync("grace@example.com");
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(topicToken))).Value);
    }

    [Fact]
    public async Task A_link_for_every_topic_needs_no_subscription_and_records_the_opt_out_of_someone_never_subscribed()
    {
        var guest = ConsentSubject.ForEmail("Grace.Hopper@Example.com");
        var spelled = ConsentSubject.ForEmail(" grace.hopper@EXAMPLE.com");
        Host.Counter.Reset();

        var token = (await Subs(s => s.CreateUnsubscribeTokenAsync(guest))).Value.Token;

        Assert.Equal(0, Host.Counter.Commands);
        Assert.Equal(-1, System.Buffers.Text.Base64Url.DecodeFromChars(token).AsSpan().IndexOf("grace.hopper@example.com"u8));
        var click = new ConsentEvidence(ConsentSource.UnsubscribeLink) { IpAddress = "198.51.100.9" };
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(token, click))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(spelled));
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(spelled, Flash));
        var proof = (await Subs(s => s.GetProofAsync(Clerk, spelled, Newsletter))).Value;
        Assert.Equal([(ConsentEventKind.Withdrawn, ConsentSource.UnsubscribeLink, "198.51.100.9", 1)], proof.Events.Select(e => (e.Kind, e.Evidence.Source, e.Evidence.IpAddress, e.Sequence)));
        var counts = await CountsAsync();
        Assert.Equal((2, 2, 0), counts);

        // Clicking again changes nothing; nobody opted out is ever eligible.
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(token))).Value);
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(SubscriptionErrorCodes.NotSubscribed, (await Subs(s => s.RecordSendAsync(spelled, Flash))).Error?.Code);

        // A later positive choice subscribes again, and the old link opts out again.
        await SubscribedGuestAsync("grace.hopper@example.com");
        Assert.Equal(SubscriptionState.Subscribed, await StateAsync(spelled));
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(token))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(spelled));

        // A phone number opts out of the text-message topics.
        var phone = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForPhone("030 5550100")))).Value.Token;
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(phone))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(ConsentSubject.ForPhone("+49 30 5550100"), Sms));
    }

    [Fact]
    public async Task An_opt_out_covers_the_person_behind_the_subject()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        var customer = ConsentSubject.ForCustomer(ada.Id);
        await SubscribedGuestAsync("ada@example.com");
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, customer)).Value.State);
        var grace = await SubscribedGuestAsync("grace@example.com", Flash);

        var byCustomer = (await Subs(s => s.CreateUnsubscribeTokenAsync(customer))).Value.Token;
        Assert.Equal(2, (await Subs(s => s.RedeemUnsubscribeTokenAsync(byCustomer))).Value);

        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(ConsentSubject.ForEmail("Ada@Example.com")));
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(customer, Flash));
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(customer, Sms));
        Assert.Equal(SubscriptionState.Subscribed, await StateAsync(grace, Flash));

        // A mail to the address on a customer's profile opts the customer out too: their mails go there.
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, customer)).Value.State);
        var byAddress = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForEmail("ADA@example.com")))).Value.Token;
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(byAddress))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(customer, Flash));
        Assert.DoesNotContain((await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash))).Value.Items, r => r.CustomerId == ada.Id);
    }

    [Fact]
    public async Task An_opt_out_link_of_an_erased_person_changes_nothing_and_writes_no_identifier_back()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        await SubscribedGuestAsync("ada@example.com");
        var byCustomer = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForCustomer(ada.Id)))).Value.Token;
        var byAddress = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForEmail("ada@example.com")))).Value.Token;
        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));
        var before = await CountsAsync();

        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(byCustomer))).Value);
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(byAddress))).Value);

        Assert.Equal(before, await CountsAsync());
        Assert.DoesNotContain(await LedgerAsync(), e => e.Subject.Contains(ada.Id.ToString(), StringComparison.Ordinal) || e.Subject.Contains("ada@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_opt_out_link_expires_and_a_changed_one_is_refused_with_nothing_stored()
    {
        var token = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForEmail("grace@example.com")))).Value;
        var tampered = token.Token[..20] + (token.Token[20] == 'A' ? 'B' : 'A') + token.Token[21..];

        Assert.Equal(SubscriptionErrorCodes.TokenInvalid, (await Subs(s => s.RedeemUnsubscribeTokenAsync(tampered))).Error?.Code);
        Assert.Equal(Host.Time.GetUtcNow().AddDays(400), token.ExpiresAt, TimeSpan.FromSeconds(1));
        Host.Time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(SubscriptionErrorCodes.TokenExpired, (await Subs(s => s.RedeemUnsubscribeTokenAsync(token.Token))).Error?.Code);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Parallel_clicks_on_one_opt_out_link_record_it_once()
    {
        var token = (await Subs(s => s.CreateUnsubscribeTokenAsync(ConsentSubject.ForEmail("grace@example.com")))).Value.Token;
        using var start = new Barrier(6);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await Subs(s => s.RedeemUnsubscribeTokenAsync(token));
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal((2, 2, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_guest_subscription_made_before_registering_is_the_customers_once_the_address_is_verified()
    {
        await SubscribedGuestAsync("ada@example.com");
        var ada = (await RegisterAsync(Ada())).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);

        // Not yet verified: the address may not be theirs, so its subscription is not shown to them.
        Assert.Equal(SubscriptionState.NotSubscribed, await StateAsync(customer));
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        Assert.Equal(SubscriptionState.Subscribed, await StateAsync(customer));

        // Unsubscribing on the account page ends the guest subscription too.
        Assert.Equal(1, (await Subs(s => s.UnsubscribeAsync(customer, Newsletter, new ConsentEvidence(ConsentSource.AccountPage)))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(ConsentSubject.ForEmail("ADA@example.com")));
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(customer));
        Assert.Equal(ConsentSource.AccountPage, (await Subs(s => s.GetProofAsync(Clerk, ConsentSubject.ForEmail("ada@example.com"), Newsletter))).Value.Events[^1].Evidence.Source);
    }

    [Fact]
    public async Task A_person_subscribed_as_a_guest_and_as_a_customer_is_listed_once_as_the_customer()
    {
        await SubscribedGuestAsync("ada@example.com", Flash);
        await SubscribedGuestAsync("grace@example.com", Flash);
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id))).Value.State);
        foreach (var texted in new[] { ConsentSubject.ForPhone("030 1234567"), ConsentSubject.ForCustomer(ada.Id) })
        {
            var confirmation = (await RequestAsync(Sms, texted)).Value.Confirmation!;
            Assert.True((await Subs(s => s.ConfirmAsync(confirmation.Token))).Succeeded);
        }

        async Task<List<(ShopKernel.Customers.CustomerId?, string)>> EligibleAsync(string topic) =>
            [.. (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, topic))).Value.Items.Select(r => (r.CustomerId, r.SendTo)).OrderBy(r => r.SendTo, StringComparer.Ordinal)];

        // The customer's message goes to the address of the guest subscription (verified or not): one message.
        Assert.Equal([(ada.Id, "Ada@example.com"), ((ShopKernel.Customers.CustomerId?)null, "grace@example.com")], await EligibleAsync(Flash));
        Assert.Equal([((ShopKernel.Customers.CustomerId?)ada.Id, "+49301234567")], await EligibleAsync(Sms));

        // Once the customer's own subscription ends, the guest one is theirs to receive again.
        Assert.Equal(1, (await Subs(s => s.UnsubscribeAsync(ConsentSubject.ForCustomer(ada.Id), Flash, new ConsentEvidence(ConsentSource.AccountPage)))).Value);
        Assert.Equal([((ShopKernel.Customers.CustomerId?)null, "ada@example.com"), ((ShopKernel.Customers.CustomerId?)null, "grace@example.com")], await EligibleAsync(Flash));
    }

    [Fact]
    public async Task Contacts_at_the_export_canary_domain_or_range_are_never_listed_nor_sent_to()
    {
        await SubscribedGuestAsync("grace@example.com", Flash);
        var canaryGuest = await SubscribedGuestAsync("anna.smith42@" + CanaryDomain, Flash);
        var below = await SubscribedGuestAsync("lena.koch1984@News.Post-Lindenhof.Example", Flash);
        var customer = (await RegisterAsync(Ada("ben.wolf77@" + CanaryDomain, "+49 30 123456 789"))).Value;
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, ConsentSubject.ForCustomer(customer.Id))).Value.State);
        foreach (var texted in new[] { ConsentSubject.ForPhone("+49 30 123456 001"), ConsentSubject.ForPhone("030 1234567"), ConsentSubject.ForCustomer(customer.Id) })
        {
            var confirmation = (await RequestAsync(Sms, texted)).Value.Confirmation!;
            Assert.True((await Subs(s => s.ConfirmAsync(confirmation.Token))).Succeeded);
        }

        var mailed = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash))).Value.Items;
        var texts = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Sms))).Value.Items;

        Assert.Equal(["grace@example.com"], mailed.Select(r => r.SendTo));
        Assert.Equal(["+49301234567"], texts.Select(r => r.SendTo));
        foreach (var subject in new[] { canaryGuest, below, ConsentSubject.ForPhone("+49 30 123456 001") })
        {
            var topic = subject.Kind == ConsentSubjectKind.Phone ? Sms : Flash;
            Assert.Equal(SubscriptionErrorCodes.NotSubscribed, (await Subs(s => s.RecordSendAsync(subject, topic))).Error?.Code);
        }

        Assert.Equal(0, await Storage.CountAsync(Stored.SubscriptionSends));
    }

    [Fact]
    public async Task Unsubscribing_by_subject_withdraws_one_or_every_topic_and_is_idempotent()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var subject = ConsentSubject.ForCustomer(ada.Id);
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, subject)).Value.State);
        Assert.Equal(SubscriptionState.Pending, (await RequestAsync(Sms, subject)).Value.State);
        var staff = new ConsentEvidence(ConsentSource.Staff) { Actor = "staff:7" };

        Assert.Equal(1, (await Subs(s => s.UnsubscribeAsync(subject, Flash, staff))).Value);
        Assert.Equal(0, (await Subs(s => s.UnsubscribeAsync(subject, Flash, staff))).Value);
        Assert.Equal(1, (await Subs(s => s.UnsubscribeAsync(subject, null, staff))).Value);
        Assert.Equal(0, (await Subs(s => s.UnsubscribeAsync(subject, null, staff))).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(subject, Sms));
        Assert.Equal("staff:7", (await Subs(s => s.GetProofAsync(Clerk, subject, Flash))).Value.Events[^1].Evidence.Actor);
    }

    [Fact]
    public async Task Recording_a_send_keeps_the_topic_cap_the_minimum_gap_and_the_global_cap()
    {
        var guest = await SubscribedGuestAsync("grace@example.com", Flash);
        await SubscribedGuestAsync("grace@example.com");
        var sms = ConsentSubject.ForPhone("+49 30 5550100");
        await SubscribedGuestAsync("x@example.com", Flash);
        var confirmation = (await RequestAsync(Sms, sms)).Value.Confirmation!;
        Assert.True((await Subs(s => s.ConfirmAsync(confirmation.Token))).Succeeded);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Subs(s => s.RecordSendAsync(guest, Flash))).Succeeded);
        }

        Assert.Equal(SubscriptionErrorCodes.CapReached, (await Subs(s => s.RecordSendAsync(guest, Flash))).Error?.Code);
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Newsletter))).Succeeded);
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Newsletter))).Succeeded);
        Assert.Equal(SubscriptionErrorCodes.CapReached, (await Subs(s => s.RecordSendAsync(guest, Newsletter))).Error?.Code);

        Assert.True((await Subs(s => s.RecordSendAsync(sms, Sms))).Succeeded);
        Host.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(SubscriptionErrorCodes.CapReached, (await Subs(s => s.RecordSendAsync(sms, Sms))).Error?.Code);
        Host.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await Subs(s => s.RecordSendAsync(sms, Sms))).Succeeded);
        Assert.Equal(SubscriptionErrorCodes.CapReached, (await Subs(s => s.RecordSendAsync(guest, Flash))).Error?.Code);
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Newsletter))).Succeeded);
        Host.Time.Advance(TimeSpan.FromDays(6));
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Flash))).Succeeded);
    }

    [Fact]
    public async Task Parallel_senders_to_one_person_pass_exactly_the_cap()
    {
        var guest = await SubscribedGuestAsync("grace@example.com", Flash);
        await SubscribedGuestAsync("ada@example.com", Flash);
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await Subs(s => s.RecordSendAsync(i % 4 == 0 ? ConsentSubject.ForEmail("ada@example.com") : guest, Flash));
        })));

        Assert.Equal(3, results.Where((r, i) => i % 4 != 0 && r.Succeeded).Count());
        Assert.All(results.Where((r, i) => i % 4 != 0 && !r.Succeeded), r => Assert.Equal(SubscriptionErrorCodes.CapReached, r.Error?.Code));
        Assert.True(results.Where((_, i) => i % 4 == 0).All(r => r.Succeeded));
        Assert.Equal(5, (await CountsAsync()).Sends);
    }

    [Fact]
    public async Task Eligible_recipients_are_subscribed_under_the_cap_in_the_segment_and_not_blocked_keyset_paged()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id))).Value.State);
        var guests = new List<ConsentSubject>();
        for (var i = 0; i < 7; i++)
        {
            guests.Add(await SubscribedGuestAsync($"guest{i}@example.com", Flash));
        }

        await RequestAsync(Newsletter, ConsentSubject.ForEmail("pending@example.com"));
        await Subs(s => s.UnsubscribeAsync(guests[6], Flash, new ConsentEvidence(ConsentSource.AccountPage)));
        for (var i = 0; i < 3; i++)
        {
            await Subs(s => s.RecordSendAsync(guests[5], Flash));
        }

        Blocked.Add(ConsentSubject.ForEmail("guest4@example.com"));

        var seen = new List<EligibleRecipient>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash, after: after, pageSize: 2))).Value;
            seen.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(4, pages);
        Assert.Equal(
            ["Ada@example.com", "guest0@example.com", "guest1@example.com", "guest2@example.com", "guest3@example.com"],
            seen.Select(r => r.SendTo).Order(StringComparer.Ordinal));
        Assert.Equal(ada.Id, seen.Single(r => r.Subject.Kind == ConsentSubjectKind.Customer).CustomerId);
        var segment = (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash, CustomerSegment.All.WithPassword()))).Value;
        Assert.Equal([ada.Id], segment.Items.Select(r => r.CustomerId!.Value));
        Assert.Null(segment.Next);

        // Each recipient's token unsubscribes them in one click.
        Assert.Equal(1, (await Subs(s => s.RedeemUnsubscribeTokenAsync(seen[0].Unsubscribe.Token))).Value);
        Assert.Equal(4, (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash))).Value.Items.Count);
    }

    [Fact]
    public async Task With_the_stop_list_a_subscriber_blocked_from_marketing_is_not_eligible()
    {
        await using var shop = new ShopKernelTestHost(
            Storage,
            o =>
            {
                Configure(o);
                o.StopList.HashKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("stop list key"u8)));
            },
            services => new ShopKernelBuilder(services).AddStopList());
        var ada = (await shop.InScopeAsync<CustomerService, Result<Customer>>(s => s.RegisterAsync(Ada(phone: null)))).Value;
        await shop.InScopeAsync<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id), Ticked));
        foreach (var email in new[] { "grace@example.com", "linus@example.com", "alan@example.com" })
        {
            await shop.InScopeAsync<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync(Flash, ConsentSubject.ForEmail(email), Ticked));
        }

        async Task<List<string>> EligibleAsync() =>
            [.. (await shop.InScopeAsync<SubscriptionService, Result<EligibleRecipientPage>>(s => s.ListEligibleRecipientsAsync(Clerk, Flash))).Value.Items.Select(r => r.SendTo).Order(StringComparer.Ordinal)];

        Assert.Equal(["Ada@example.com", "alan@example.com", "grace@example.com", "linus@example.com"], await EligibleAsync());
        foreach (var keys in new[] { new StopListKeys { Email = "Grace@Example.com" }, new StopListKeys { Email = "ada@example.com" }, new StopListKeys { Phone = "+49 30 1234567" } })
        {
            var added = await shop.InScopeAsync<StopListService, Result<StopListEntry>>(s => s.AddAsync(Clerk, new NewStopListEntry(keys, StopListScope.BlockMarketing, StopListReason.Manual)));
            Assert.True(added.Succeeded, added.Error?.ToString());
        }

        var cod = await shop.InScopeAsync<StopListService, Result<StopListEntry>>(s => s.AddAsync(Clerk, new NewStopListEntry(new StopListKeys { Email = "linus@example.com" }, StopListScope.BlockCashOnDelivery, StopListReason.Manual)));
        Assert.True(cod.Succeeded);

        Assert.Equal(["alan@example.com", "linus@example.com"], await EligibleAsync());
    }

    [Fact]
    public async Task Listing_eligible_recipients_is_one_round_trip_per_page_and_one_more_when_it_holds_guests_besides_its_access_log_entry()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id));
        for (var i = 0; i < 5; i++)
        {
            await SubscribedGuestAsync($"guest{i}@example.com", Flash);
        }

        Host.Counter.Reset();
        var customers = await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash, pageSize: 1));
        var customersOnly = Host.Counter.Commands;
        Host.Counter.Reset();
        var guests = await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash, after: customers.Value.Next, pageSize: 10));

        Assert.Equal(ada.Id, Assert.Single(customers.Value.Items).CustomerId);
        Assert.Equal(1 + 2, customersOnly); // the page; the access log's last entry and the page's entry
        Assert.Equal(5, guests.Value.Items.Count);
        Assert.Equal(2 + 2, Host.Counter.Commands);   // the page, then which of its guests a subscribed customer covers; the entry
    }

    [Fact]
    public async Task A_database_failure_mid_erasure_or_mid_request_leaves_the_ledger_as_it_was()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id));
        await Subs(s => s.RecordSendAsync(ConsentSubject.ForCustomer(ada.Id), Flash));
        var before = await LedgerAsync();
        var counts = await CountsAsync();

        Host.Faults.FailNextCommit();
        var commit = await Assert.ThrowsAnyAsync<Exception>(() => Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id)));
        Host.Faults.FailNextInsert();
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => RequestAsync(Flash, ConsentSubject.ForEmail("grace@example.com")));

        Assert.True(Host.Faults.IsCommitFailure(commit), commit.ToString());
        Assert.True(Host.Faults.IsInsertFailure(failed), failed.ToString());
        Assert.Equal(2, Host.Faults.Injected);
        Assert.Equal(before, await LedgerAsync());
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(SubscriptionState.Subscribed, await StateAsync(ConsentSubject.ForCustomer(ada.Id), Flash));
    }

    [Fact]
    public async Task Recording_a_send_is_a_lookup_of_the_person_and_one_transaction_of_four_commands()
    {
        var guest = await SubscribedGuestAsync("grace@example.com", Flash);

        Host.Counter.Reset();
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Flash))).Succeeded);

        // Whose profile has the address; then the person's rows locked, the subscription checked, their recent sends
        // read, the send inserted.
        Assert.Equal(5, Host.Counter.Commands);
    }

    [Fact]
    public async Task The_caps_are_the_persons_counting_sends_to_their_customer_and_guest_subscriptions()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, customer)).Value.State);
        var guest = await SubscribedGuestAsync("ada@example.com");   // the address on her profile, not verified
        var grace = await SubscribedGuestAsync("grace@example.com");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Subs(s => s.RecordSendAsync(customer, Flash))).Succeeded);
        }

        // The global cap is 5 a day: three went to Ada as a customer, so her guest subscription has two left.
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Newsletter))).Succeeded);
        Assert.True((await Subs(s => s.RecordSendAsync(guest, Newsletter))).Succeeded);
        Assert.Equal(SubscriptionErrorCodes.CapReached, (await Subs(s => s.RecordSendAsync(guest, Newsletter))).Error?.Code);
        Assert.True((await Subs(s => s.RecordSendAsync(grace, Newsletter))).Succeeded);
    }

    [Fact]
    public async Task Parallel_senders_to_one_person_through_two_subjects_pass_exactly_the_global_cap()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);
        Assert.Equal(SubscriptionState.Subscribed, (await RequestAsync(Flash, customer)).Value.State);
        var guest = await SubscribedGuestAsync("ada@example.com");
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return i % 2 == 0
                ? await Subs(s => s.RecordSendAsync(customer, Flash))
                : await Subs(s => s.RecordSendAsync(guest, Newsletter));
        })));

        // Flash allows 3 a week, the global cap 5 a day: at most 3 of the customer's four, and 5 in all.
        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.True(results.Where((_, i) => i % 2 == 0).Count(r => r.Succeeded) <= 3);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(SubscriptionErrorCodes.CapReached, r.Error?.Code));
        Assert.Equal(5, (await CountsAsync()).Sends);
    }

    [Fact]
    public async Task No_operation_changes_a_stored_ledger_entry()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var guest = await SubscribedGuestAsync("grace@example.com");
        await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id));
        var before = await LedgerAsync();

        var token = (await Subs(s => s.CreateUnsubscribeTokenAsync(guest))).Value.Token;
        await Subs(s => s.RecordSendAsync(guest, Newsletter));
        await Subs(s => s.RedeemUnsubscribeTokenAsync(token));
        await SubscribedGuestAsync("grace@example.com");
        await Subs(s => s.UnsubscribeAsync(ConsentSubject.ForCustomer(ada.Id), null, new ConsentEvidence(ConsentSource.AccountPage)));
        await RequestAsync(Flash, ConsentSubject.ForCustomer(ada.Id));
        await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash));
        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, CustomerId.New()));
        var after = await LedgerAsync();

        Assert.True(after.Count > before.Count);
        var stored = after.ToDictionary(e => e.Id);
        Assert.All(before, e => Assert.Equal(e, stored[e.Id]));
    }

    [Fact]
    public async Task Erasure_redacts_the_ledger_and_keeps_the_proof_findable_by_the_keyed_hash()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        var customer = ConsentSubject.ForCustomer(ada.Id);
        await RequestAsync(Flash, customer);
        await Subs(s => s.RecordSendAsync(customer, Flash));
        await SubscribedGuestAsync("ada@example.com");
        var unsubscribe = (await Subs(s => s.CreateUnsubscribeTokenAsync(customer, Flash))).Value.Token;
        var before = (await Subs(s => s.GetProofAsync(Clerk, customer, Flash))).Value;
        Host.Time.Advance(TimeSpan.FromDays(1));

        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        var after = (await Subs(s => s.GetProofAsync(Clerk, customer, Flash))).Value;
        Assert.Equal(SubscriptionState.Redacted, after.State);
        Assert.Equal(before.Events.Select(e => (e.Kind, e.At, e.Sequence, e.Evidence.WordingVersion, e.Evidence.BoxStartedUnticked)), after.Events.Take(2).Select(e => (e.Kind, e.At, e.Sequence, e.Evidence.WordingVersion, e.Evidence.BoxStartedUnticked)));
        Assert.Equal(ConsentEventKind.Redacted, after.Events[^1].Kind);
        Assert.All(after.Events, e => Assert.Equal((ConsentSubjectKind.Redacted, null, null), (e.Subject.Kind, e.Evidence.IpAddress, e.Evidence.UserAgent)));
        Assert.Equal(SubscriptionState.Redacted, (await Subs(s => s.GetProofAsync(Clerk, ConsentSubject.ForEmail("ADA@example.com"), Newsletter))).Value.State);
        Assert.Equal(SubscriptionState.NotSubscribed, await StateAsync(ConsentSubject.ForEmail("ada@example.com")));
        Assert.Equal(0, (await Subs(s => s.RedeemUnsubscribeTokenAsync(unsubscribe))).Value);
        Assert.Empty((await Subs(s => s.ListEligibleRecipientsAsync(Clerk, Flash))).Value.Items);
        Assert.Equal(0, (await CountsAsync()).Sends);
        var ledger = await LedgerAsync();
        Assert.DoesNotContain(ledger, e => e.Subject.Contains(ada.Id.ToString(), StringComparison.Ordinal) || e.Subject.Contains("ada@", StringComparison.Ordinal));
    }

    /// <summary>A stop list of the test's own: the subjects blocked from marketing.</summary>
    protected sealed class Suppression : IMarketingSuppression
    {
        private readonly HashSet<ConsentSubject> _blocked = [];

        public void Add(ConsentSubject subject)
        {
            lock (_blocked)
            {
                _blocked.Add(subject);
            }
        }

        public Task<IReadOnlySet<ConsentSubject>> FindSuppressedAsync(IReadOnlyCollection<ConsentSubject> subjects, CancellationToken cancellationToken = default)
        {
            lock (_blocked)
            {
                return Task.FromResult<IReadOnlySet<ConsentSubject>>(subjects.Where(_blocked.Contains).ToHashSet());
            }
        }
    }
}
