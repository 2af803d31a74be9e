using System;
using System.Linq;
using Xunit;

namespace Retention.Contact.Tests;

/// <summary>
/// contact.md section 1, vocabulary: channels (Phone, Sms, WeChat, AppPush, Email, HomeVisit), purposes
/// (ServiceFollowUp, Care, Recovery, Marketing, Urgent, Transactional), initiators (Store, Customer) and
/// outcomes of a past touch (Answered, NoAnswer, Refused, Delivered, Failed).
/// </summary>
public class VocabularyTests
{
    [Fact]
    public void The_vocabulary_is_the_specs()
    {
        Assert.Equal(["Phone", "Sms", "WeChat", "AppPush", "Email", "HomeVisit"], Enum.GetNames<ContactChannel>());
        Assert.Equal(["ServiceFollowUp", "Care", "Recovery", "Marketing", "Urgent", "Transactional"], Enum.GetNames<ContactPurpose>());
        Assert.Equal(["Store", "Customer"], Enum.GetNames<Initiator>());
        Assert.Equal(["Answered", "NoAnswer", "Refused", "Delivered", "Failed"], Enum.GetNames<TouchOutcome>());
        Assert.Equal(["None", "UrgentOnly", "NoMarketing", "AllowedHours"], Enum.GetNames<DoNotDisturb>());
        Assert.Equal(["Active", "Sleeping", "Lost", "Vip", "Complaint"], Enum.GetNames<CustomerSegment>());
    }

    [Fact]
    public void Calls_and_visits_are_voice_contacts_and_the_rest_are_messages()
    {
        Assert.Equal([ContactChannel.Phone, ContactChannel.HomeVisit], Enum.GetValues<ContactChannel>().Where(c => c.IsVoice()));
    }

    [Fact]
    public void A_channel_set_holds_exactly_the_channels_put_in_it()
    {
        foreach (var c in Enum.GetValues<ContactChannel>())
        {
            var set = c.AsSet();
            Assert.Equal(c.ToString(), set.ToString());
            Assert.True(set.Has(c));
            Assert.Equal([c], Enum.GetValues<ContactChannel>().Where(x => set.Has(x)));
            Assert.False(ContactChannels.None.Has(c));
        }

        var messages = ContactChannels.Sms | ContactChannels.WeChat;
        Assert.Equal([ContactChannel.Sms, ContactChannel.WeChat], Enum.GetValues<ContactChannel>().Where(x => messages.Has(x)));
    }
}

/// <summary>Conventions: a decision reads well in logs.</summary>
public class DecisionTextTests
{
    [Fact]
    public void A_decision_prints_its_kind_time_channel_and_reason_codes()
    {
        var at = NodaTime.Instant.FromUtc(2026, 11, 25, 2, 0);
        var reasons = new[] { ContactReason.Of(ContactReasonCode.Spacing) };

        Assert.Equal("Deferred until 2026-11-25T02:00:00Z on Phone (Spacing)", new ContactDecision.Deferred(at, ContactChannel.Phone, reasons).ToString());
        Assert.Equal("Allowed on Sms at 2026-11-25T02:00:00Z (Spacing)", new ContactDecision.Allowed(ContactChannel.Sms, at, reasons).ToString());
        Assert.Equal("Denied (Spacing)", new ContactDecision.Denied(reasons).ToString());
    }
}
