using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// What the store knows about one customer on the day the trigger rules run (spec: workflows.md section 7). Dates are
/// calendar days in the store's zone. Records are checked by <see cref="TriggerEvaluator.Evaluate"/>, which reports a bad
/// record by its index and carries on, so a record can be built from raw data without validation.
/// </summary>
/// <param name="CustomerId">The customer id; not empty.</param>
/// <param name="IsVip">Whether the customer is a VIP.</param>
/// <param name="LastVisit">The day of the last service visit, not after today; <see langword="null"/> when there is none.</param>
/// <param name="LatestRating">The latest 0-10 rating (NPS answer), or <see langword="null"/> when there is none.</param>
/// <param name="RatedOn">The day of the latest rating, not after today; <see langword="null"/> when unknown.</param>
/// <param name="IsSleeping">Whether the customer is in the sleeping segment.</param>
/// <param name="Birthday">The birthday (any year), or <see langword="null"/>; it may not be after today.</param>
/// <param name="PurchaseDate">The day the car was bought, not after today; <see langword="null"/> when unknown.</param>
/// <param name="LastRepairSystem">The system of the last repair, such as <see cref="RepairSystems.Brake"/> or <see cref="RepairSystems.Battery"/> (compared ignoring case); <see langword="null"/> when there is none.</param>
/// <param name="LastRepairOn">The day of the last repair, not after today; <see langword="null"/> when unknown.</param>
/// <param name="MileageKm">The odometer at the last repair in km, at least 0; <see langword="null"/> when unknown.</param>
/// <param name="EarlierRepairsOfSystem">How many repairs of the same system came before the last one, at least 0.</param>
/// <param name="WeatherWarning">Whether a severe-weather warning is in force for the store's area today.</param>
/// <param name="Holiday">Whether today is a holiday the store greets its customers on (the store's calendar: Spring Festival, Mid-Autumn, National Day, ...).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct CustomerFacts(
    string CustomerId,
    bool IsVip = false,
    LocalDate? LastVisit = null,
    int? LatestRating = null,
    LocalDate? RatedOn = null,
    bool IsSleeping = false,
    LocalDate? Birthday = null,
    LocalDate? PurchaseDate = null,
    string? LastRepairSystem = null,
    LocalDate? LastRepairOn = null,
    int? MileageKm = null,
    int EarlierRepairsOfSystem = 0,
    bool WeatherWarning = false,
    bool Holiday = false);

/// <summary>Common values of <see cref="CustomerFacts.LastRepairSystem"/>.</summary>
public static class RepairSystems
{
    /// <summary>The brake system.</summary>
    public const string Brake = "brake";

    /// <summary>The (12 V or traction) battery.</summary>
    public const string Battery = "battery";
}

/// <summary>A fact a <see cref="TriggerCondition"/> reads from <see cref="CustomerFacts"/>.</summary>
public enum CustomerFact
{
    /// <summary><see cref="CustomerFacts.IsVip"/>, compared as 1 (true) or 0 (false).</summary>
    IsVip = 0,

    /// <summary><see cref="CustomerFacts.IsSleeping"/>, compared as 1 or 0.</summary>
    IsSleeping = 1,

    /// <summary><see cref="CustomerFacts.WeatherWarning"/>, compared as 1 or 0.</summary>
    WeatherWarning = 2,

    /// <summary>Whether today is the customer's birthday (29 February falls on 28 February in other years), as 1 or 0; missing without a birthday.</summary>
    IsBirthday = 3,

    /// <summary>Whether today is a purchase anniversary (1 year or more; 29 February falls on 28 February), as 1 or 0; missing without a purchase date.</summary>
    IsPurchaseAnniversary = 4,

    /// <summary>
    /// Calendar days since the last visit (0 on the visit day); missing without a visit. A condition compares today with
    /// the visit day plus the value in days.
    /// </summary>
    DaysSinceLastVisit = 5,

    /// <summary>
    /// Calendar months since the last visit; missing without a visit. A condition compares today with the visit day plus
    /// the value in months (NodaTime month arithmetic: 31 August plus 6 months is 28 February), so <c>== 6</c> holds on
    /// exactly that day and <c>&gt; 6</c> from the day after.
    /// </summary>
    MonthsSinceLastVisit = 6,

    /// <summary><see cref="CustomerFacts.LatestRating"/> (0-10); missing without a rating.</summary>
    LatestRating = 7,

    /// <summary>Calendar days since the latest rating (0 on the day it was given); missing without a rating day.</summary>
    DaysSinceRating = 8,

    /// <summary><see cref="CustomerFacts.LastRepairSystem"/>, compared as text (ignoring case) with <see cref="TriggerCondition.Text"/>; missing without a repair.</summary>
    LastRepairSystem = 9,

    /// <summary>Calendar days since the last repair (0 on the repair day, so day N of the D1 convention is N - 1); missing without a repair day.</summary>
    DaysSinceLastRepair = 10,

    /// <summary><see cref="CustomerFacts.MileageKm"/> in km; missing when unknown.</summary>
    MileageKm = 11,

    /// <summary><see cref="CustomerFacts.EarlierRepairsOfSystem"/>.</summary>
    EarlierRepairsOfSystem = 12,

    /// <summary><see cref="CustomerFacts.Holiday"/>, compared as 1 or 0.</summary>
    Holiday = 13,
}

/// <summary>A bad record in a trigger evaluation: where it is, which field is wrong and why. The record is skipped.</summary>
/// <param name="Index">The record's zero-based index in the input.</param>
/// <param name="Field">The first bad field, by its property name (for example <c>LatestRating</c>).</param>
/// <param name="Message">What is wrong and the allowed range, in English.</param>
public readonly record struct CustomerFactsProblem(int Index, string Field, string Message);
