using Retention.Scoring;

namespace Retention.Samples.DealerDay.Report;

/// <summary>Words more than one section uses, in both locales.</summary>
internal static class CommonText
{
    public static readonly LocalizedText Customers = new("客户数", "customers");

    public static readonly LocalizedText Share = new("占比", "share");

    public static readonly LocalizedText NoneScored = new("没有任何客户可以评分。", "No customer could be scored.");
}
