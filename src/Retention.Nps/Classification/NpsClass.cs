namespace Retention.Nps;

/// <summary>The class of an NPS answer (spec: nps.md section 1). Ordered from unhappy to happy.</summary>
public enum NpsClass : byte
{
    /// <summary>Default: score 0-6.</summary>
    Detractor = 0,

    /// <summary>Default: score 7-8.</summary>
    Passive = 1,

    /// <summary>Default: score 9-10.</summary>
    Promoter = 2,
}
