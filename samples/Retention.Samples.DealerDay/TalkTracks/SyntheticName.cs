using System;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.TalkTracks;

/// <summary>
/// A made-up family name and form of address for a customer id, the same on every run and the same person in both
/// locales (王 / 先生 is Wang / Mr). The customer file carries ids only; a real host would use the name on record.
/// </summary>
/// <param name="FamilyName">The family name: <c>王</c> / <c>Wang</c>.</param>
/// <param name="Honorific">The form of address: <c>先生</c> / <c>Mr</c>, <c>女士</c> / <c>Ms</c>.</param>
internal readonly record struct SyntheticName(LocalizedText FamilyName, LocalizedText Honorific)
{
    // Twenty common family names, each with its pinyin spelling.
    private static readonly LocalizedText[] FamilyNames =
    [
        new("王", "Wang"), new("李", "Li"), new("张", "Zhang"), new("刘", "Liu"), new("陈", "Chen"),
        new("杨", "Yang"), new("黄", "Huang"), new("赵", "Zhao"), new("吴", "Wu"), new("周", "Zhou"),
        new("徐", "Xu"), new("孙", "Sun"), new("马", "Ma"), new("朱", "Zhu"), new("胡", "Hu"),
        new("郭", "Guo"), new("何", "He"), new("林", "Lin"), new("罗", "Luo"), new("高", "Gao"),
    ];

    private static readonly LocalizedText Mr = new("先生", "Mr");
    private static readonly LocalizedText Ms = new("女士", "Ms");

    /// <summary>The name for a customer id.</summary>
    /// <param name="customerId">The store's customer id.</param>
    public static SyntheticName Of(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);

        // FNV-1a over the id's characters: fixed forever, unlike string.GetHashCode, which changes from run to run.
        uint hash = 2166136261;
        foreach (char c in customerId)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return new SyntheticName(FamilyNames[hash % (uint)FamilyNames.Length], (hash >> 16) % 2 == 0 ? Mr : Ms);
    }

    /// <summary>How the report names the customer: <c>王先生</c> / <c>Mr Wang</c>.</summary>
    public LocalizedText Display => new(FamilyName.ZhCn + Honorific.ZhCn, Honorific.En + " " + FamilyName.En);
}
