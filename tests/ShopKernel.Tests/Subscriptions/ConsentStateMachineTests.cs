using CsCheck;
using ShopKernel.Subscriptions;

namespace ShopKernel.Tests.Subscriptions;

public class ConsentStateMachineTests
{
    /// <summary>The ledger's rules written out as a table, apart from the code under test: (from, event) → to.</summary>
    private static readonly Dictionary<(SubscriptionState, ConsentEventKind), SubscriptionState> Rules = new()
    {
        [(SubscriptionState.NotSubscribed, ConsentEventKind.Requested)] = SubscriptionState.Pending,
        [(SubscriptionState.Unsubscribed, ConsentEventKind.Requested)] = SubscriptionState.Pending,
        [(SubscriptionState.Pending, ConsentEventKind.Requested)] = SubscriptionState.Pending,
        [(SubscriptionState.Pending, ConsentEventKind.Confirmed)] = SubscriptionState.Subscribed,
        [(SubscriptionState.NotSubscribed, ConsentEventKind.Withdrawn)] = SubscriptionState.Unsubscribed,
        [(SubscriptionState.Pending, ConsentEventKind.Withdrawn)] = SubscriptionState.Unsubscribed,
        [(SubscriptionState.Subscribed, ConsentEventKind.Withdrawn)] = SubscriptionState.Unsubscribed,
        [(SubscriptionState.NotSubscribed, ConsentEventKind.Redacted)] = SubscriptionState.Redacted,
        [(SubscriptionState.Pending, ConsentEventKind.Redacted)] = SubscriptionState.Redacted,
        [(SubscriptionState.Subscribed, ConsentEventKind.Redacted)] = SubscriptionState.Redacted,
        [(SubscriptionState.Unsubscribed, ConsentEventKind.Redacted)] = SubscriptionState.Redacted,
    };

    private static readonly Gen<ConsentEventKind> Kind = Gen.Enum<ConsentEventKind>();

    [Fact]
    public void Any_event_sequence_ends_in_the_state_its_last_valid_event_says()
    {
        Kind.Array[0, 30].Sample(history =>
        {
            var state = SubscriptionState.NotSubscribed;
            ConsentEventKind? lastValid = null;
            foreach (var kind in history)
            {
                if (Rules.TryGetValue((state, kind), out var next))
                {
                    state = next;
                    lastValid = kind;
                }
            }

            var replayed = ConsentStateMachine.Replay(history);
            var expected = lastValid switch
            {
                null => SubscriptionState.NotSubscribed,
                ConsentEventKind.Requested => SubscriptionState.Pending,
                ConsentEventKind.Confirmed => SubscriptionState.Subscribed,
                ConsentEventKind.Withdrawn => SubscriptionState.Unsubscribed,
                _ => SubscriptionState.Redacted,
            };
            Assert.Equal(expected, replayed);
            Assert.Equal(state, replayed);
        });
    }

    [Fact]
    public void Every_transition_follows_the_table_and_redaction_is_final()
    {
        Gen.Select(Gen.Enum<SubscriptionState>(), Kind).Sample((state, kind) =>
        {
            var next = ConsentStateMachine.Apply(state, kind);
            Assert.Equal(Rules.TryGetValue((state, kind), out var expected) ? expected : null, next);
            Assert.Null(ConsentStateMachine.Apply(SubscriptionState.Redacted, kind));
        });
    }

    [Fact]
    public void A_pending_request_past_its_expiry_reads_as_not_subscribed()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(SubscriptionState.NotSubscribed, ConsentStateMachine.Effective(SubscriptionState.Pending, now, now));
        Assert.Equal(SubscriptionState.Pending, ConsentStateMachine.Effective(SubscriptionState.Pending, now.AddSeconds(1), now));
        Assert.Equal(SubscriptionState.Subscribed, ConsentStateMachine.Effective(SubscriptionState.Subscribed, now, now));
    }
}
