using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Nps;

/// <summary>Who is responsible for what went wrong, as found by the investigation (spec: nps.md section 5).</summary>
public enum Responsibility
{
    /// <summary>Quality, process or attitude at the dealer: own it fully and compensate.</summary>
    Dealer = 0,

    /// <summary>Misuse or wrong expectations: explain patiently, blame no one.</summary>
    Customer = 1,

    /// <summary>Miscommunication: clarify, each side takes its part.</summary>
    Shared = 2,

    /// <summary>Outside anyone's control: explain and offer an alternative.</summary>
    ForceMajeure = 3,
}

/// <summary>The layers of a compensation plan (spec: nps.md section 5).</summary>
public enum CompensationLayer
{
    /// <summary>Fix the problem: free, fast, thorough.</summary>
    FixTheProblem = 0,

    /// <summary>Compensate the loss: time, money, distress; above expectations.</summary>
    CompensateTheLoss = 1,

    /// <summary>Repair the relationship: sincere and personal.</summary>
    RepairTheRelationship = 2,

    /// <summary>The system improvement that prevents a repeat.</summary>
    SystemImprovement = 3,
}

/// <summary>One item of a compensation plan.</summary>
/// <param name="Layer">The layer it belongs to.</param>
/// <param name="Description">What is given or done, in the host's words.</param>
/// <param name="Value">Its money value, at least 0 (0 for a free fix or an apology).</param>
public readonly record struct CompensationItem(CompensationLayer Layer, string Description, decimal Value);

/// <summary>A compensation plan: items by layer and their total money value. Immutable.</summary>
public sealed class CompensationPlan
{
    private readonly CompensationItem[] _items;

    /// <summary>Creates a plan.</summary>
    /// <param name="items">The items.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item has a negative value, an undefined layer or an empty description; the message gives its index.</exception>
    public CompensationPlan(IEnumerable<CompensationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
        decimal total = 0;
        for (int i = 0; i < _items.Length; i++)
        {
            var item = _items[i];
            if (item.Value < 0)
            {
                throw new ArgumentException($"items[{i}] has a negative value ({item.Value}).", nameof(items));
            }

            if (!Enum.IsDefined(item.Layer))
            {
                throw new ArgumentException($"items[{i}] has an unknown layer ({item.Layer}).", nameof(items));
            }

            if (string.IsNullOrWhiteSpace(item.Description))
            {
                throw new ArgumentException($"items[{i}] has no description.", nameof(items));
            }

            total += item.Value;
        }

        Total = total;
    }

    /// <summary>The items, in the order given.</summary>
    public IReadOnlyList<CompensationItem> Items => _items;

    /// <summary>The plan's total money value.</summary>
    public decimal Total { get; }

    /// <summary>The layers the plan leaves out: a complete plan fixes, compensates, repairs and improves.</summary>
    /// <returns>The missing layers, in layer order.</returns>
    public IReadOnlyList<CompensationLayer> MissingLayers() =>
        Enum.GetValues<CompensationLayer>().Where(l => !_items.Any(i => i.Layer == l)).ToArray();
}

/// <summary>Guidance for the people running a rescue, in zh-CN and en (spec: nps.md sections 5 and 10).</summary>
public static class RescueGuidance
{
    /// <summary>What to do given who is responsible.</summary>
    /// <param name="responsibility">The investigation's finding.</param>
    /// <returns>The guidance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="responsibility"/> is not defined.</exception>
    public static LocalizedText For(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Dealer => new("门店责任（质量、流程、态度）：全部承担，给予补偿", "the dealer's fault (quality, process, attitude): own it fully and compensate"),
        Responsibility.Customer => new("客户原因（使用不当、期望偏差）：耐心解释，不指责客户", "the customer's side (misuse, wrong expectations): explain patiently and blame no one"),
        Responsibility.Shared => new("双方原因（沟通误会）：澄清事实，各自承担应负的部分", "shared (a misunderstanding): clarify, and each side takes its part"),
        Responsibility.ForceMajeure => new("不可抗力：说明情况，提供替代方案", "force majeure: explain and offer an alternative"),
        _ => throw new ArgumentOutOfRangeException(nameof(responsibility), responsibility, "Unknown responsibility."),
    };

    /// <summary>What a compensation layer is for.</summary>
    /// <param name="layer">The layer.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layer"/> is not defined.</exception>
    public static LocalizedText For(CompensationLayer layer) => layer switch
    {
        CompensationLayer.FixTheProblem => new("解决问题：免费、快速、彻底", "fix the problem: free, fast and thorough"),
        CompensationLayer.CompensateTheLoss => new("弥补损失：时间、金钱和情绪上的损失，超出客户预期", "make good the loss of time, money and peace of mind, beyond what the customer expects"),
        CompensationLayer.RepairTheRelationship => new("修复关系：真诚、个人化", "repair the relationship: sincere and personal"),
        CompensationLayer.SystemImprovement => new("系统改进：防止同类问题再次发生", "improve the system so it does not happen again"),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown compensation layer."),
    };

    /// <summary>What an emotion early-warning level means and what to do (spec: nps.md section 9).</summary>
    /// <param name="level">The level.</param>
    /// <returns>The guidance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not defined.</exception>
    public static LocalizedText For(EmotionLevel level) => level switch
    {
        EmotionLevel.None => new("情绪平稳，按正常流程服务", "the customer is calm: carry on as usual"),
        EmotionLevel.Yellow => new("等待已明显超过承诺时间：主动说明进度并致歉", "the wait is well past the promised time: explain the progress and apologise before being asked"),
        EmotionLevel.Orange => new("客户反复询问进度：由主管出面安抚并给出明确完成时间", "the customer keeps asking about progress: a supervisor steps in with a firm finish time"),
        EmotionLevel.Red => new("客户情绪激动：立即由服务经理当面处理，避免升级为低分或投诉", "the customer is angry: the service manager handles it in person at once, before it becomes a low score or a complaint"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown emotion level."),
    };

    /// <summary>What the response-time effect table says about a first response (spec: nps.md section 6).</summary>
    /// <param name="expectedSuccess">The expected success from <see cref="RescuePlaybook.ExpectedSuccess"/>, in [0, 1].</param>
    /// <returns>The expected success in words.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedSuccess"/> is outside [0, 1].</exception>
    public static LocalizedText ForExpectedSuccess(double expectedSuccess)
    {
        if (!(expectedSuccess >= 0 && expectedSuccess <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedSuccess), expectedSuccess, "A success rate is in [0, 1].");
        }

        string p = (expectedSuccess * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return new($"按首次响应时间，预计挽回成功率约 {p}%；越晚响应，成功率下降越快", $"at this first-response time about {p} % of customers are won back; every hour later costs more");
    }

    /// <summary>How to make a promise (SMART: specific, measurable, achievable, relevant, time-bound).</summary>
    public static LocalizedText SmartPromise { get; } = new(
        "承诺要具体、可衡量、可实现、相关且有时限，例如“今晚 20:00 前我给您打电话说明完整方案”，而不是“尽快”",
        "make promises specific, measurable, achievable, relevant and time-bound: \"I will call you with a full plan before 20:00 tonight\", not \"as soon as possible\"");

    /// <summary>What a rescue step does.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not defined.</exception>
    public static LocalizedText For(RescueStep step) => step switch
    {
        RescueStep.IdentifyAndGrade => new("识别与定级：触发预警、确定等级、指定负责人", "identify and grade: alert fired, grade set, owner assigned"),
        RescueStep.FirstContact => new("首次联系与倾听：按 LEAP（倾听、共情、认可、承诺）通话", "first contact: call and listen using LEAP (listen, empathise, acknowledge, promise)"),
        RescueStep.Investigate => new("调查与根因：调取监控、工单、时间记录，询问员工，判定责任", "investigate: CCTV, work orders, timestamps and staff accounts; decide responsibility and the fix"),
        RescueStep.DesignSolution => new("设计方案：解决问题、弥补损失、修复关系三层补偿", "design the solution: fix, compensate and repair"),
        RescueStep.ExecuteAndFollowUp => new("执行与跟进：按时回电，重大或高价值客户当面致歉，主动通报进展，问题解决后邀请（不强求）重新评分", "execute and follow up: call back before the promised time, apologise in person where it matters, report progress unasked, and invite (never press) a re-rating once solved"),
        RescueStep.ReviewAndImprove => new("复盘与改进：案例复盘、数据分析、制度改进", "review and improve: case review, data and system changes"),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown rescue step."),
    };
}

/// <summary>The steps of a follow-up call's next action. A set: combine with <c>|</c>.</summary>
[Flags]
public enum FollowUpSteps
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Thank the customer.</summary>
    Thank = 1,

    /// <summary>Invite referrals with a referral code.</summary>
    InviteReferral = 2,

    /// <summary>Send the review link.</summary>
    SendReviewLink = 4,

    /// <summary>Ask what could be better.</summary>
    AskWhatCouldBeBetter = 8,

    /// <summary>Promise improvement.</summary>
    PromiseImprovement = 16,

    /// <summary>Apologise.</summary>
    Apologise = 32,

    /// <summary>Ask what went wrong.</summary>
    AskWhatWentWrong = 64,

    /// <summary>Escalate at once: a supervisor contacts the customer.</summary>
    Escalate = 128,
}

/// <summary>What the advisor does next in a follow-up call.</summary>
/// <param name="Class">The customer's class.</param>
/// <param name="Steps">The steps.</param>
/// <param name="SupervisorContactWithin">For a detractor: how soon a supervisor must contact the customer; <see langword="null"/> otherwise.</param>
/// <param name="Text">The action in words, in both locales.</param>
public sealed record FollowUpAction(NpsClass Class, FollowUpSteps Steps, NodaTime.Duration? SupervisorContactWithin, LocalizedText Text);
