using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Retention.Samples.DealerDay.Report;
using Retention.Scoring;
using Retention.Scripts;

namespace Retention.Samples.DealerDay.TalkTracks;

/// <summary>
/// The script for one customer, chosen from the customer's situation, with why it was chosen, the message the same path
/// sends next (if it has one), and the values to render both with.
/// </summary>
/// <param name="Script">The script to use first, or <see langword="null"/> when the catalog has none for this customer.</param>
/// <param name="Why">How the script was chosen (or why there is none), in both locales.</param>
/// <param name="FollowUp">The message the path sends next, or <see langword="null"/>.</param>
/// <param name="FollowUpWhy">Why that message, or why there is none, in both locales.</param>
/// <param name="Values">A value for every placeholder either script uses, in the report's locale.</param>
internal sealed record TalkTrack(Script? Script, LocalizedText Why, Script? FollowUp, LocalizedText FollowUpWhy, ScriptValues Values)
{
    // A tier with more than one call script (Yellow: the first call, holding an offer, the call after the visit) does not
    // say in the scripts' audience which call comes first, so the sample names it.
    private static readonly Dictionary<RiskTier, string> FirstCalls = new()
    {
        [RiskTier.Yellow] = "risk.yellow.supervisor-call",
        [RiskTier.Orange] = "risk.orange.manager-call",
        [RiskTier.Red] = "risk.red.gm-call",
    };

    // The Yellow path's messages answer a known churn reason (spec: workflows, yellow-tier recovery).
    private static readonly Dictionary<ChurnReason, string> YellowMessages = new()
    {
        [ChurnReason.Price] = "risk.yellow.price-offer",
        [ChurnReason.ServiceExperience] = "risk.yellow.service-apology",
    };

    /// <summary>
    /// Chooses the script: by risk tier when the customer has one (the tier's call script), else by churn stage and value
    /// tier; then the path's follow-up message.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="catalog">The script catalog.</param>
    /// <param name="asOf">The as-of date (dates in the scripts are counted from it).</param>
    /// <param name="locale">The report's locale.</param>
    public static TalkTrack For(ScoredCustomer customer, ScriptCatalog catalog, LocalDate asOf, string locale)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(catalog);
        var values = ValuesFor(customer, asOf, locale);
        return customer.Risk.Tier == RiskTier.None
            ? ByStage(customer, catalog, locale, values)
            : ByTier(customer, catalog, locale, values);
    }

    private static TalkTrack ByTier(ScoredCustomer customer, ScriptCatalog catalog, string locale, ScriptValues values)
    {
        var tier = customer.Risk.Tier;
        var stage = customer.Risk.Stage;
        var path = catalog.Find(new ScriptAudience { Tier = tier.ToString() }, locale);
        var calls = path.Where(s => s.Kind == ScriptKind.Call).ToList();
        var call = calls.Count == 1 ? calls[0] : calls.Find(s => s.Id == FirstCalls[tier]);
        var tierName = Labels.Of(tier);

        LocalizedText why;
        if (call is null)
        {
            why = new($"{tierName.ZhCn}：话术库中没有电话话术", $"the catalog has no call script for the {tierName.En} tier");
        }
        else
        {
            var ids = calls.Select(s => s.Id).ToList();
            why = calls.Count == 1
                ? new($"按风险等级选择：{tierName.ZhCn}的电话话术", $"by risk tier: the {tierName.En} tier's call script")
                : new(
                    $"按风险等级选择：{tierName.ZhCn}有 {calls.Count} 个电话话术（{string.Join("、", ids)}），首次联系用这一个",
                    $"by risk tier: the {tierName.En} tier has {calls.Count} call scripts ({string.Join(", ", ids)}); this one is the first contact");

            // Say so when the churn stage has scripts of its own: the tier wins.
            if (catalog.Find(new ScriptAudience { Stage = stage.ToString() }, locale).Count > 0)
            {
                var stageName = Labels.Of(stage);
                why = new(
                    why.ZhCn + $"；客户同时处于{stageName.ZhCn}，风险等级优先于流失阶段",
                    why.En + $"; the customer is also in {stageName.En}, and the risk tier comes before the churn stage");
            }
        }

        var messages = path.Where(s => s.Kind == ScriptKind.Message).ToList();
        if (messages.Count == 0)
        {
            var rest = path.Where(s => s.Kind != ScriptKind.Call).ToList();
            return new TalkTrack(call, why, null, rest.Count == 0
                ? new($"{tierName.ZhCn}路径没有短信或其他书面步骤", $"the {tierName.En} path has no message or written step")
                : new(
                    $"{tierName.ZhCn}路径没有短信，后续步骤为 {string.Join("、", rest.Select(s => $"{s.Id}（{Labels.Of(s.Kind).ZhCn}）"))}",
                    $"the {tierName.En} path has no message; its next steps are {string.Join(" and ", rest.Select(s => $"{s.Id} ({Labels.Of(s.Kind).En})"))}"),
                values);
        }

        var reason = customer.Row.Context.Reason;
        var messageIds = messages.Select(s => s.Id).ToList();
        if (tier == RiskTier.Yellow && reason is ChurnReason r && YellowMessages.TryGetValue(r, out string? id)
            && messages.Find(s => s.Id == id) is Script message)
        {
            var reasonName = Labels.Of(r);
            if (!customer.Decision.Recovers)
            {
                var verdict = Labels.Of(customer.Decision.Verdict);
                return new TalkTrack(call, why, null, new(
                    $"流失原因为{reasonName.ZhCn}，{tierName.ZhCn}路径本应接着发送 {id}，但挽回决策为“{verdict.ZhCn}”，所以不发送",
                    $"the churn reason is {reasonName.En}, so the {tierName.En} path would go on with {id}, but the recovery decision is \"{verdict.En}\", so nothing is sent"), values);
            }

            return new TalkTrack(call, why, message, new(
                $"流失原因为{reasonName.ZhCn}，{tierName.ZhCn}路径接下来发送这条短信",
                $"the churn reason is {reasonName.En}, so the {tierName.En} path goes on with this message"), values);
        }

        LocalizedText known = reason is ChurnReason k ? new($"为“{Labels.Of(k).ZhCn}”", $"is {Labels.Of(k).En}") : new("未知", "is not known");
        return new TalkTrack(call, why, null, new(
            $"{tierName.ZhCn}路径的短信（{string.Join("、", messageIds)}）针对价格或服务体验原因，该客户的流失原因{known.ZhCn}：先在电话中问清原因",
            $"the {tierName.En} path's messages ({string.Join(", ", messageIds)}) answer a price or service-experience reason, and this customer's reason {known.En}: find it out on the call first"), values);
    }

    private static TalkTrack ByStage(ScoredCustomer customer, ScriptCatalog catalog, string locale, ScriptValues values)
    {
        var stage = customer.Risk.Stage;
        var valueTier = customer.Decision.Value.Tier;
        var stageName = Labels.Of(stage);
        var valueName = Labels.Of(valueTier);

        // The most specific audience first: stage and value tier (pre-churn), then the stage alone (early churn).
        var found = catalog.Find(new ScriptAudience { Stage = stage.ToString(), ValueTier = valueTier.ToString() }, locale).ToList();
        bool byValue = found.Count > 0;
        if (!byValue)
        {
            found = catalog.Find(new ScriptAudience { Stage = stage.ToString() }, locale).Where(s => s.Audience.ValueTier is null).ToList();
        }

        var script = found.Find(s => s.Kind == ScriptKind.Call) ?? found.FirstOrDefault();
        if (script is null)
        {
            return new TalkTrack(null, stage == ChurnStage.Active
                ? new("没有风险等级，客户仍然活跃：不需要挽回话术", "no risk tier and the customer is active: no recovery talk track is needed")
                : new($"没有风险等级，流失阶段为{stageName.ZhCn}：话术库中没有对应的话术", $"no risk tier, and the catalog has no script for {stageName.En}"),
                null, new("—", "—"), values);
        }

        LocalizedText why = byValue
            ? new($"没有风险等级，按流失阶段（{stageName.ZhCn}）和价值分层（{valueName.ZhCn}）选择", $"no risk tier, so by churn stage ({stageName.En}) and value tier ({valueName.En})")
            : new($"没有风险等级，按流失阶段（{stageName.ZhCn}）选择，该阶段的话术不分价值分层", $"no risk tier, so by churn stage ({stageName.En}); the stage has one script for every value tier");
        LocalizedText followUpWhy = script.Kind == ScriptKind.Message
            ? new("这条话术本身就是短信（见上）", "the script itself is the message (above)")
            : new("流失阶段路径没有单独的短信", "the churn-stage path has no separate message");
        return new TalkTrack(script, why, null, followUpWhy, values);
    }

    /// <summary>
    /// One set of values for every script of the paths above: the customer's synthetic name, the store's people and numbers,
    /// months since the last visit, the offer (its saving is the recovery budget when the decision commits one) and the
    /// dates, counted from the as-of date. Money and dates are typed; the library formats them for the locale.
    /// </summary>
    public static ScriptValues ValuesFor(ScoredCustomer customer, LocalDate asOf, string locale)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var name = SyntheticName.Of(customer.Row.CustomerId);
        var lastVisit = asOf.PlusDays(-customer.Risk.DaysSinceLastVisit);
        int months = Period.Between(lastVisit, asOf, PeriodUnits.Months).Months;
        var dueBySchedule = lastVisit.PlusMonths(StoreStaff.ServiceIntervalMonths);
        var nextWeek = asOf.PlusDays(7);
        decimal budget = customer.Decision.Budget;

        return new ScriptValues
        {
            [ScriptPlaceholders.CustomerName] = name.FamilyName.Get(locale),
            [ScriptPlaceholders.Honorific] = name.Honorific.Get(locale),
            [ScriptPlaceholders.StoreName] = StoreStaff.StoreName.Get(locale),
            [ScriptPlaceholders.StorePhone] = StoreStaff.StorePhone.Get(locale),
            [ScriptPlaceholders.AdvisorName] = StoreStaff.AdvisorName.Get(locale),
            [ScriptPlaceholders.AdvisorPhone] = StoreStaff.AdvisorPhone.Get(locale),
            [ScriptPlaceholders.SupervisorName] = StoreStaff.SupervisorName.Get(locale),
            [ScriptPlaceholders.SupervisorPhone] = StoreStaff.SupervisorPhone.Get(locale),
            [ScriptPlaceholders.ManagerName] = StoreStaff.ManagerName.Get(locale),
            [ScriptPlaceholders.ManagerPhone] = StoreStaff.ManagerPhone.Get(locale),
            [ScriptPlaceholders.GeneralManagerName] = StoreStaff.GeneralManagerName.Get(locale),
            [ScriptPlaceholders.GeneralManagerPhone] = StoreStaff.GeneralManagerPhone.Get(locale),
            [ScriptPlaceholders.TechnicianName] = StoreStaff.TechnicianName.Get(locale),
            [ScriptPlaceholders.Vehicle] = StoreStaff.Vehicle.Get(locale),
            [ScriptPlaceholders.MonthsSinceLastVisit] = ScriptValue.Number(months),
            [ScriptPlaceholders.OfferItems] = StoreStaff.OfferItems.Get(locale),
            [ScriptPlaceholders.OfferSaving] = ScriptValue.Money(budget > 0 ? budget : StoreStaff.StandardOfferSaving),
            [ScriptPlaceholders.OfferValidUntil] = ScriptValue.Date(asOf.PlusDays(StoreStaff.OfferDays)),
            [ScriptPlaceholders.HoldUntil] = ScriptValue.Date(asOf.PlusDays(StoreStaff.OfferDays)),
            [ScriptPlaceholders.BookingSlot] = ScriptValue.DateTime(asOf.PlusDays(StoreStaff.SlotDays).At(new LocalTime(StoreStaff.SlotHour, 0))),
            [ScriptPlaceholders.NextServiceDate] = ScriptValue.Date(dueBySchedule > nextWeek ? dueBySchedule : nextWeek),
            [ScriptPlaceholders.Improvements] = StoreStaff.Improvements.Get(locale),
            [ScriptPlaceholders.CompensationItems] = StoreStaff.CompensationItems.Get(locale),
            [ScriptPlaceholders.CompensationValue] = ScriptValue.Money(budget > 0 ? budget : StoreStaff.StandardOfferSaving),
            [ScriptPlaceholders.ReferrerReward] = ScriptValue.Money(StoreStaff.ReferrerReward),
        };
    }
}
