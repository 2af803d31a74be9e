using System;
using System.Collections.Generic;
using System.Linq;

namespace Retention.Tool.Cases;

/// <summary>
/// The columns a golden cases file adds to the customer schema (<see cref="Customers.CustomerCsvReader.Columns"/>): what names
/// the case, when it is evaluated, the value score it is decided with, and the expectations it checks.
/// </summary>
internal static class CaseColumns
{
    /// <summary>Optional: the case's name (empty: the customer id). Names the case in the failure table and the JUnit report.</summary>
    public const string Case = "case";

    /// <summary>Optional: what the case is about, shown with its failures.</summary>
    public const string Description = "description";

    /// <summary>Optional: the date the case is evaluated for (<c>yyyy-MM-dd</c>); empty: <c>--as-of</c>.</summary>
    public const string AsOf = "as_of";

    /// <summary>The customer's value score in [0, 100]; required on a row that checks a decision expectation.</summary>
    public const string ValueScore = "value_score";

    /// <summary>Every expectation column starts with this; a header column with this prefix and an unknown name is an error.</summary>
    public const string ExpectationPrefix = "expected_";

    /// <summary>The churn-risk score, 0..100, matched within <see cref="ScoreTolerance"/>.</summary>
    public const string ExpectedScore = "expected_score";

    /// <summary>The risk tier, a <see cref="Scoring.RiskTier"/> name.</summary>
    public const string ExpectedTier = "expected_tier";

    /// <summary>The churn stage, a <see cref="Scoring.ChurnStage"/> name.</summary>
    public const string ExpectedStage = "expected_stage";

    /// <summary>The value tier, a <see cref="Scoring.ValueTier"/> name.</summary>
    public const string ExpectedValueTier = "expected_value_tier";

    /// <summary>The customer lifetime value in the store's currency, matched within <see cref="MoneyTolerance"/>.</summary>
    public const string ExpectedClv = "expected_clv";

    /// <summary>The recovery decision's verdict, a <see cref="Scoring.RecoveryVerdict"/> name.</summary>
    public const string ExpectedDecision = "expected_decision";

    /// <summary>The rule of the recovery decision that fired, a <see cref="Scoring.DecisionRule"/> name.</summary>
    public const string ExpectedRule = "expected_rule";

    /// <summary>The recovery decision's budget in the store's currency, matched within <see cref="MoneyTolerance"/>.</summary>
    public const string ExpectedBudget = "expected_budget";

    /// <summary>How far an actual score may be from <c>expected_score</c>, in points: write scores with at most two decimals.</summary>
    public const double ScoreTolerance = 0.005;

    /// <summary>How far an actual amount may be from <c>expected_clv</c> or <c>expected_budget</c>: half a cent.</summary>
    public const decimal MoneyTolerance = 0.005m;

    /// <summary>Every expectation column, in the order the tool checks and reports them.</summary>
    public static readonly IReadOnlyList<string> Expectations =
    [
        ExpectedScore, ExpectedTier, ExpectedStage, ExpectedValueTier, ExpectedClv, ExpectedDecision, ExpectedRule, ExpectedBudget,
    ];

    /// <summary>The expectations about the recovery decision: a row that checks one of them needs a <see cref="ValueScore"/>.</summary>
    public static readonly IReadOnlyList<string> DecisionExpectations = [ExpectedDecision, ExpectedRule, ExpectedBudget];

    /// <summary>The columns this file format adds to the customer schema.</summary>
    public static readonly IReadOnlyList<string> Known = [Case, Description, AsOf, ValueScore, .. Expectations];

    /// <summary>Whether a header column is meant as an expectation (starts with <c>expected_</c>).</summary>
    public static bool LooksLikeExpectation(string column) => column.StartsWith(ExpectationPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a column is one of this format's columns.</summary>
    public static bool IsKnown(string column) => Known.Contains(column, StringComparer.Ordinal);
}
