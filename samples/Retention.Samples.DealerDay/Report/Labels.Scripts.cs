using Retention.Scoring;
using Retention.Scripts;

namespace Retention.Samples.DealerDay.Report;

/// <summary>Display names of Retention.Scripts' enumerations (the library localizes the scripts, not these names).</summary>
internal static partial class Labels
{
    public static LocalizedText Of(ScriptKind kind) => kind switch
    {
        ScriptKind.Call => new("电话", "call"),
        ScriptKind.Message => new("消息", "message"),
        ScriptKind.Visit => new("上门", "visit"),
        _ => new("信函", "letter"),
    };

    public static LocalizedText Of(ScriptPurpose purpose) => purpose switch
    {
        ScriptPurpose.Marketing => new("营销", "marketing"),
        ScriptPurpose.Transactional => new("事务通知", "transactional"),
        _ => new("服务", "service"),
    };
}
