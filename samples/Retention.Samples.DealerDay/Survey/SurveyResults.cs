using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Retention.Nps;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Report;
using LocalizedText = Retention.Scoring.LocalizedText;

namespace Retention.Samples.DealerDay.Survey;

/// <summary>An alert nobody has responded to at the report moment, with the detractor grade when the answer has one.</summary>
/// <param name="Answer">The answer that raised it.</param>
/// <param name="Alert">The library's alert: level, who is notified and how, the deadline, the escalation.</param>
/// <param name="Overdue">The deadline has passed at the report moment.</param>
/// <param name="Escalates">Overdue and the level has someone to escalate to.</param>
/// <param name="Grading">The detractor grade, responder and authority; <see langword="null"/> for a passive (score 7) without public-opinion risk or safety issue.</param>
/// <param name="HighValue">The customer is high value (value tier High or VIP) in the scored customer file.</param>
internal sealed record OpenAlert(SurveyAnswerRow Answer, LowScoreAlert Alert, bool Overdue, bool Escalates, DetractorGrading? Grading, bool HighValue);

/// <summary>
/// The survey part of the report, computed with Retention.Nps: the month's NPS (latest answer per
/// customer and visit), re-ratings, the low-score alerts still open at the report moment with their
/// detractor grades, and the rows that had to be skipped.
/// </summary>
internal sealed class SurveyResults
{
    /// <summary>A detractor's answer counts as an open complaint for this many days, unless a re-rating lifts it (a Decision of the sample).</summary>
    public const int OpenComplaintDays = 30;

    private SurveyResults(string path, SurveyFile? file)
    {
        Path = path;
        File = file;
    }

    /// <summary>The file that was read, or looked for.</summary>
    public string Path { get; }

    /// <summary>The file; <see langword="null"/> when there is none next to the customer file.</summary>
    public SurveyFile? File { get; }

    /// <summary>The month of the as-of date.</summary>
    public YearMonth Month { get; private init; }

    /// <summary>NPS of the visits first answered in <see cref="Month"/>, each counted with its latest answer.</summary>
    public NpsSummary? ThisMonth { get; private init; }

    /// <summary>The same for the month before.</summary>
    public NpsSummary? PreviousMonth { get; private init; }

    /// <summary>Re-ratings of this month's visits.</summary>
    public ReratingReport Rerating { get; private init; }

    /// <summary>Answers that passed every check (re-ratings included).</summary>
    public int AnswersUsed { get; private init; }

    /// <summary>Alerts nobody has responded to at the report moment, the earliest deadline first.</summary>
    public IReadOnlyList<OpenAlert> OpenAlerts { get; private init; } = [];

    /// <summary>This month's detractor cases (first answer per visit) by grade and the rule that set it.</summary>
    public IReadOnlyList<DetractorGrading> MonthGradings { get; private init; } = [];

    /// <summary>
    /// Customers whose latest answer on a visit first answered in the last <see cref="OpenComplaintDays"/> days is still a
    /// detractor's, with when they first answered (the latest such visit).
    /// </summary>
    public IReadOnlyDictionary<string, Instant> OpenComplaints { get; private init; } = new Dictionary<string, Instant>();

    /// <summary>Rows skipped: from parsing, the sample's checks and the library's score check, by line.</summary>
    public IReadOnlyList<BadRow> BadRows { get; private init; } = [];

    /// <summary>Nothing to report: there is no answer file next to the customer file.</summary>
    /// <param name="path">Where the file was looked for.</param>
    /// <param name="month">The month of the as-of date.</param>
    public static SurveyResults Missing(string path, YearMonth month) => new(path, null) { Month = month };

    /// <summary>Checks the answers against the customer file and the report moment, then computes everything with the library.</summary>
    /// <param name="file">The parsed answer file.</param>
    /// <param name="knownCustomers">Every customer id in the customer file, scored or skipped.</param>
    /// <param name="highValue">Customers of value tier High or VIP, from the scoring.</param>
    /// <param name="clock">The report moment and the store's zone.</param>
    public static SurveyResults Build(
        SurveyFile file, IReadOnlySet<string> knownCustomers, IReadOnlySet<string> highValue, StoreClock clock,
        NpsCalculator calculator, LowScoreAlerter alerter, DetractorGrader grader)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = clock.Now;
        var bad = new List<BadRow>(file.BadRows);

        // 1. The sample's checks: the customer exists, the answer is not after the report moment.
        var candidates = new List<SurveyAnswerRow>(file.Rows.Count);
        foreach (var a in file.Rows)
        {
            if (!knownCustomers.Contains(a.CustomerId))
            {
                bad.Add(new BadRow(a.Line, a.CustomerId, SurveyCsv.Column.CustomerId, new("客户文件中没有此客户", "this customer is not in the customer file")));
            }
            else if (a.AnsweredAt > now)
            {
                bad.Add(new BadRow(a.Line, a.CustomerId, SurveyCsv.Column.AnsweredAt, new(
                    $"作答时间 {clock.Format(a.AnsweredAt)} 晚于报告时刻 {clock.Format(now)}",
                    $"answered at {clock.Format(a.AnsweredAt)}, after the report moment {clock.Format(now)}")));
            }
            else
            {
                candidates.Add(a);
            }
        }

        // 2. The library's check: scores outside 0..10 come back by index and are left out.
        var problems = new List<AnswerProblem>();
        calculator.Compute(candidates.Select(a => a.Score).ToArray(), problems);
        var rejected = new HashSet<int>(problems.Select(p => p.Index));
        foreach (var p in problems)
        {
            var a = candidates[p.Index];
            string score = a.Score.ToString(CultureInfo.InvariantCulture); // the library's message names the index in its input, not the line
            bad.Add(new BadRow(a.Line, a.CustomerId, SurveyCsv.Column.Score, new($"评分 {score} 不是 0 到 10 之间的整数", $"score {score} is not a whole number from 0 to 10")));
        }

        bad.Sort((x, y) => x.Line.CompareTo(y.Line));
        var valid = candidates.Where((_, i) => !rejected.Contains(i)).ToList();

        // 3. NPS per month: the latest answer of each customer and visit counts, in the month the visit was first answered.
        var answers = valid.Select(a => new NpsAnswer(a.CustomerId, a.VisitId, a.Score, a.AnsweredAt)).ToList();
        var first = new Dictionary<(string, string), SurveyAnswerRow>();
        foreach (var a in valid)
        {
            if (!first.TryGetValue((a.CustomerId, a.VisitId), out var f) || a.AnsweredAt < f.AnsweredAt)
            {
                first[(a.CustomerId, a.VisitId)] = a;
            }
        }

        YearMonth MonthOf(string customer, string visit) => clock.DateOf(first[(customer, visit)].AnsweredAt).ToYearMonth();
        var latest = NpsCalculator.LatestAnswers(answers);
        var months = latest.Select(a => MonthOf(a.CustomerId, a.VisitId)).ToArray();
        var breakdown = calculator.BySegment<YearMonth>(months, latest.Select(a => a.Score).ToArray());
        var month = clock.AsOf.ToYearMonth();
        var previous = month.OnDayOfMonth(1).PlusMonths(-1).ToYearMonth();
        NpsSummary Of(YearMonth m) => breakdown.Segments.TryGetValue(m, out var s) ? s : calculator.Compute(ReadOnlySpan<int>.Empty);

        // 4. Open alerts: every answer raises its alert; it is open while nobody has responded by the report moment.
        var open = new List<OpenAlert>();
        foreach (var a in valid)
        {
            var alert = alerter.Evaluate(a.Score, a.AnsweredAt);
            if (!alert.Raised || a.RespondedAt <= now)
            {
                continue;
            }

            bool isHighValue = highValue.Contains(a.CustomerId);
            var grading = grader.Grade(new DetractorCase(a.Score, a.AnsweredAt, a.PublicOpinionRisk, a.SafetyIssue, isHighValue));
            open.Add(new OpenAlert(a, alert, alert.IsOverdue(now, responded: false), alert.ShouldEscalate(now, responded: false), grading, isHighValue));
        }

        open.Sort((x, y) =>
        {
            int c = Nullable.Compare(x.Alert.Deadline, y.Alert.Deadline);
            return c != 0 ? c : string.CompareOrdinal(x.Answer.VisitId, y.Answer.VisitId);
        });

        // 5. This month's detractor cases by grade: the first answer of each visit is the case.
        var gradings = first.Values
            .Where(a => clock.DateOf(a.AnsweredAt).ToYearMonth() == month)
            .Select(a => grader.Grade(new DetractorCase(a.Score, a.AnsweredAt, a.PublicOpinionRisk, a.SafetyIssue, highValue.Contains(a.CustomerId))))
            .OfType<DetractorGrading>()
            .ToList();

        // 6. Open complaints, for the contact plan's Complaint segment.
        var complaintsSince = now - Duration.FromDays(OpenComplaintDays);
        var complaints = new Dictionary<string, Instant>(StringComparer.Ordinal);
        foreach (var a in latest)
        {
            var since = first[(a.CustomerId, a.VisitId)].AnsweredAt;
            if (calculator.Classify(a.Score) == NpsClass.Detractor && since >= complaintsSince
                && (!complaints.TryGetValue(a.CustomerId, out var known) || since > known))
            {
                complaints[a.CustomerId] = since;
            }
        }

        return new SurveyResults(file.Table.Path, file)
        {
            Month = month,
            ThisMonth = Of(month),
            PreviousMonth = Of(previous),
            Rerating = calculator.Rerating(answers.Where(a => MonthOf(a.CustomerId, a.VisitId) == month)),
            AnswersUsed = valid.Count,
            OpenAlerts = open,
            MonthGradings = gradings,
            OpenComplaints = complaints,
            BadRows = bad,
        };
    }

    /// <summary>Text shown when there is nothing to report.</summary>
    public LocalizedText MissingText => new($"没有问卷答卷：客户文件旁没有 {SurveyCsv.FileName}（{Path}）。", $"No survey answers: there is no {SurveyCsv.FileName} next to the customer file ({Path}).");
}
