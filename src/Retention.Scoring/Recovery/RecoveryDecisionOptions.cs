namespace Retention.Scoring;

/// <summary>What the decision does with customers who must not soak up the budget.</summary>
public enum LimitedRecoveryPolicy
{
    /// <summary>Do not recover.</summary>
    DoNotRecover = 0,

    /// <summary>Only the cheapest automated path (SMS / app push, budget <see cref="RecoveryDecisionOptions.AutomatedPathBudget"/>).</summary>
    CheapestAutomated = 1,

    /// <summary>Treat them like everyone else (the playbook warns against this).</summary>
    Standard = 2,
}

/// <summary>The recovery decision's thresholds and budgets (spec: scoring.md section 9).</summary>
public sealed class RecoveryDecisionOptions
{
    /// <summary>Deep churn: annual spend must be strictly above this to try at all. The default value is 5000.</summary>
    public decimal DeepChurnMinimumAnnualSpend { get; set; } = 5000m;

    /// <summary>Deep churn: the estimated success must be strictly above this for a deep recovery, in [0, 1]. The default value is 0.20.</summary>
    public double DeepChurnMinimumSuccess { get; set; } = 0.20;

    /// <summary>Red tier: value score from which to go for a full recovery (inclusive; Decision: the VIP line). The default value is 80.</summary>
    public double RedFullRecoveryFrom { get; set; } = 80;

    /// <summary>Red tier: value score from which to make an effort (inclusive); below it, a polite farewell. The default value is 60.</summary>
    public double RedMakeEffortFrom { get; set; } = 60;

    /// <summary>Red tier budget for a full recovery. The default value is 3000.</summary>
    public decimal RedFullRecoveryBudget { get; set; } = 3000m;

    /// <summary>Red tier budget for making an effort. The default value is 2000.</summary>
    public decimal RedMakeEffortBudget { get; set; } = 2000m;

    /// <summary>Red tier budget for a polite farewell that keeps the relationship. The default value is 500.</summary>
    public decimal RedFarewellBudget { get; set; } = 500m;

    /// <summary>Orange tier: a home visit is recommended when the value score is strictly above this. The default value is 70.</summary>
    public double OrangeHomeVisitAbove { get; set; } = 70;

    /// <summary>Orange tier budget without a home visit (the low end of 800-1500). The default value is 800.</summary>
    public decimal OrangeBudget { get; set; } = 800m;

    /// <summary>Orange tier budget with a home visit (the high end of 800-1500). The default value is 1500.</summary>
    public decimal OrangeHomeVisitBudget { get; set; } = 1500m;

    /// <summary>Complaints from which a customer is a "problem customer". The default value is 3.</summary>
    public int ProblemCustomerComplaints { get; set; } = 3;

    /// <summary>What to do with problem customers. The default value is <see cref="LimitedRecoveryPolicy.DoNotRecover"/>.</summary>
    public LimitedRecoveryPolicy ProblemCustomers { get; set; } = LimitedRecoveryPolicy.DoNotRecover;

    /// <summary>What to do with low-value customers (outside the deep-churn tree and the lost rules). The default value is <see cref="LimitedRecoveryPolicy.CheapestAutomated"/>.</summary>
    public LimitedRecoveryPolicy LowValueCustomers { get; set; } = LimitedRecoveryPolicy.CheapestAutomated;

    /// <summary>Budget of the cheapest automated path (Decision: the cheapest cost in the strategy matrix). The default value is 50.</summary>
    public decimal AutomatedPathBudget { get; set; } = 50m;

    /// <summary>Whether a lost high-value customer with social influence (KOC, car club) counts as a special case worth recovering. The default value is <see langword="true"/>.</summary>
    public bool LostHighValueInfluencerIsException { get; set; } = true;

    /// <summary>Who handles a lost customer who is an exception. The default value is <see cref="StaffRole.StoreManager"/>.</summary>
    public StaffRole LostExceptionOwner { get; set; } = StaffRole.StoreManager;

    internal RecoveryDecisionOptions Clone() => (RecoveryDecisionOptions)MemberwiseClone();
}
