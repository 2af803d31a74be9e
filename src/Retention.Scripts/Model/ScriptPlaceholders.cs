using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Retention.Scripts;

/// <summary>
/// The placeholder names the built-in catalog uses, with the kind of value each takes (scripts.md section 1).
/// Hosts declare more through <see cref="ScriptOptions.Placeholders"/>.
/// </summary>
public static class ScriptPlaceholders
{
    /// <summary>{CustomerName}: The customer's name (zh-CN: usually the family name, followed by the honorific). A text value.</summary>
    public const string CustomerName = "CustomerName";

    /// <summary>{Honorific}: The form of address: 先生 / 女士 in zh-CN, Mr / Ms in en. A text value.</summary>
    public const string Honorific = "Honorific";

    /// <summary>{StoreName}: The store's name as customers know it. A text value.</summary>
    public const string StoreName = "StoreName";

    /// <summary>{StorePhone}: The store's service phone number. A text value.</summary>
    public const string StorePhone = "StorePhone";

    /// <summary>{AdvisorName}: The service advisor's name. A text value.</summary>
    public const string AdvisorName = "AdvisorName";

    /// <summary>{AdvisorPhone}: The service advisor's direct number. A text value.</summary>
    public const string AdvisorPhone = "AdvisorPhone";

    /// <summary>{SupervisorName}: The customer service supervisor's name. A text value.</summary>
    public const string SupervisorName = "SupervisorName";

    /// <summary>{SupervisorPhone}: The customer service supervisor's direct number. A text value.</summary>
    public const string SupervisorPhone = "SupervisorPhone";

    /// <summary>{ManagerName}: The service or store manager's name. A text value.</summary>
    public const string ManagerName = "ManagerName";

    /// <summary>{ManagerPhone}: The manager's direct number. A text value.</summary>
    public const string ManagerPhone = "ManagerPhone";

    /// <summary>{GeneralManagerName}: The general manager's name. A text value.</summary>
    public const string GeneralManagerName = "GeneralManagerName";

    /// <summary>{GeneralManagerPhone}: The general manager's direct number. A text value.</summary>
    public const string GeneralManagerPhone = "GeneralManagerPhone";

    /// <summary>{TechnicianName}: The technician working on the car. A text value.</summary>
    public const string TechnicianName = "TechnicianName";

    /// <summary>{Vehicle}: The customer's car, as the store describes it (model, plate). A text value.</summary>
    public const string Vehicle = "Vehicle";

    /// <summary>{Issue}: The problem the customer raised, in the staff's words. A text value.</summary>
    public const string Issue = "Issue";

    /// <summary>{OfferItems}: What an offer contains (services, parts, package). A text value.</summary>
    public const string OfferItems = "OfferItems";

    /// <summary>{WorkDone}: What was done at the visit (a short list). A text value.</summary>
    public const string WorkDone = "WorkDone";

    /// <summary>{CareTip}: A care tip that fits the work done (new brake pads need gentle braking for the first 200 km, ...). A text value.</summary>
    public const string CareTip = "CareTip";

    /// <summary>{Improvements}: The concrete improvements the store made, with figures where there are any. A text value.</summary>
    public const string Improvements = "Improvements";

    /// <summary>{CompensationItems}: What the store offers as goodwill compensation. A text value.</summary>
    public const string CompensationItems = "CompensationItems";

    /// <summary>{ReferralCode}: The customer's referral code. A text value.</summary>
    public const string ReferralCode = "ReferralCode";

    /// <summary>{HolidayName}: The name of a holiday. A text value.</summary>
    public const string HolidayName = "HolidayName";

    /// <summary>{WeatherWarning}: The weather warning a safety message is about (storm, freezing). A text value.</summary>
    public const string WeatherWarning = "WeatherWarning";

    /// <summary>{OptOut}: The opt-out instruction. Filled in by the renderer from ScriptOptions.Locales[locale].OptOutLine; never passed by the host. A text value.</summary>
    public const string OptOut = "OptOut";

    /// <summary>{MonthsSinceLastVisit}: Whole months since the customer's last paid visit. A number value.</summary>
    public const string MonthsSinceLastVisit = "MonthsSinceLastVisit";

    /// <summary>{OfferSaving}: What the customer saves with an offer. A money value.</summary>
    public const string OfferSaving = "OfferSaving";

    /// <summary>{CompensationValue}: The value of a goodwill compensation. A money value.</summary>
    public const string CompensationValue = "CompensationValue";

    /// <summary>{ReferrerReward}: The reward for the customer who refers a friend. A money value.</summary>
    public const string ReferrerReward = "ReferrerReward";

    /// <summary>{FriendReward}: The reward for the referred friend. A money value.</summary>
    public const string FriendReward = "FriendReward";

    /// <summary>{OfferValidUntil}: The last day an offer is valid. A date value.</summary>
    public const string OfferValidUntil = "OfferValidUntil";

    /// <summary>{NextServiceDate}: The date of the next recommended service. A date value.</summary>
    public const string NextServiceDate = "NextServiceDate";

    /// <summary>{HoldUntil}: The last day a held offer stays open. A date value.</summary>
    public const string HoldUntil = "HoldUntil";

    /// <summary>{PromisedTime}: The date and time staff promised to call back. A date and time value.</summary>
    public const string PromisedTime = "PromisedTime";

    /// <summary>{BookingSlot}: A proposed or booked service slot. A date and time value.</summary>
    public const string BookingSlot = "BookingSlot";

    /// <summary>{ReadyAt}: When the car will be ready. A date and time value.</summary>
    public const string ReadyAt = "ReadyAt";

    /// <summary>The placeholders that name a contact person; a message must use one of them.</summary>
    public static IReadOnlyList<string> ContactNames { get; } = [AdvisorName, SupervisorName, ManagerName, GeneralManagerName];

    /// <summary>The placeholders that give a way to reach someone; a message must use one of them.</summary>
    public static IReadOnlyList<string> ContactPhones { get; } = [AdvisorPhone, SupervisorPhone, ManagerPhone, GeneralManagerPhone, StorePhone];

    /// <summary>Every built-in placeholder and the kind of value it takes.</summary>
    public static IReadOnlyDictionary<string, PlaceholderKind> BuiltIn { get; } = new Dictionary<string, PlaceholderKind>(StringComparer.Ordinal)
    {
        [CustomerName] = PlaceholderKind.Text,
        [Honorific] = PlaceholderKind.Text,
        [StoreName] = PlaceholderKind.Text,
        [StorePhone] = PlaceholderKind.Text,
        [AdvisorName] = PlaceholderKind.Text,
        [AdvisorPhone] = PlaceholderKind.Text,
        [SupervisorName] = PlaceholderKind.Text,
        [SupervisorPhone] = PlaceholderKind.Text,
        [ManagerName] = PlaceholderKind.Text,
        [ManagerPhone] = PlaceholderKind.Text,
        [GeneralManagerName] = PlaceholderKind.Text,
        [GeneralManagerPhone] = PlaceholderKind.Text,
        [TechnicianName] = PlaceholderKind.Text,
        [Vehicle] = PlaceholderKind.Text,
        [Issue] = PlaceholderKind.Text,
        [OfferItems] = PlaceholderKind.Text,
        [WorkDone] = PlaceholderKind.Text,
        [CareTip] = PlaceholderKind.Text,
        [Improvements] = PlaceholderKind.Text,
        [CompensationItems] = PlaceholderKind.Text,
        [ReferralCode] = PlaceholderKind.Text,
        [HolidayName] = PlaceholderKind.Text,
        [WeatherWarning] = PlaceholderKind.Text,
        [OptOut] = PlaceholderKind.Text,
        [MonthsSinceLastVisit] = PlaceholderKind.Number,
        [OfferSaving] = PlaceholderKind.Money,
        [CompensationValue] = PlaceholderKind.Money,
        [ReferrerReward] = PlaceholderKind.Money,
        [FriendReward] = PlaceholderKind.Money,
        [OfferValidUntil] = PlaceholderKind.Date,
        [NextServiceDate] = PlaceholderKind.Date,
        [HoldUntil] = PlaceholderKind.Date,
        [PromisedTime] = PlaceholderKind.DateTime,
        [BookingSlot] = PlaceholderKind.DateTime,
        [ReadyAt] = PlaceholderKind.DateTime,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
