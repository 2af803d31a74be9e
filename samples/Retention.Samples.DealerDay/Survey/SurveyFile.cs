using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using NodaTime;
using Retention.Samples.DealerDay.Customers;
using Retention.Samples.DealerDay.Files;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.Survey;

/// <summary>The survey-answer CSV schema (documented in README.md).</summary>
internal static class SurveyCsv
{
    /// <summary>The file's name next to the customer file.</summary>
    public const string FileName = "nps-answers.csv";

    public static class Column
    {
        public const string VisitId = "visit_id";
        public const string CustomerId = "customer_id";
        public const string AnsweredAt = "answered_at";
        public const string Score = "score";
        public const string RespondedAt = "responded_at";
        public const string PublicOpinionRisk = "public_opinion_risk";
        public const string SafetyIssue = "safety_issue";
    }

    /// <summary>Every column, in the order the generator writes them. The reader accepts any order.</summary>
    public static IReadOnlyList<string> AllColumns { get; } =
    [
        Column.VisitId, Column.CustomerId, Column.AnsweredAt, Column.Score, Column.RespondedAt, Column.PublicOpinionRisk, Column.SafetyIssue,
    ];
}

/// <summary>One survey answer that parsed. The score's range (0..10) is checked by the library.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="VisitId">The service visit the answer is about; a re-rating repeats it.</param>
/// <param name="CustomerId">The customer, as in the customer file.</param>
/// <param name="Score">The answer to "how likely are you to recommend us", as written.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="RespondedAt">When someone from the store first responded to the answer; <see langword="null"/> when nobody has yet.</param>
/// <param name="PublicOpinionRisk">The customer threatens to go to the media, a regulator or online.</param>
/// <param name="SafetyIssue">The answer reports a vehicle or personal safety issue.</param>
internal sealed record SurveyAnswerRow(
    int Line, string VisitId, string CustomerId, int Score, Instant AnsweredAt, Instant? RespondedAt, bool PublicOpinionRisk, bool SafetyIssue);

/// <summary>A survey-answer file, read by hand like the customer file; rows that do not parse are kept with their line numbers.</summary>
internal sealed class SurveyFile
{
    private SurveyFile(CsvTable table, IReadOnlyList<SurveyAnswerRow> rows, IReadOnlyList<BadRow> badRows)
    {
        Table = table;
        Rows = rows;
        BadRows = badRows;
    }

    public CsvTable Table { get; }

    /// <summary>The answers that parsed, in file order.</summary>
    public IReadOnlyList<SurveyAnswerRow> Rows { get; }

    /// <summary>The rows that did not parse, in file order.</summary>
    public IReadOnlyList<BadRow> BadRows { get; }

    /// <summary>Reads a survey-answer file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static bool TryRead(string path, [NotNullWhen(true)] out SurveyFile? file, out LocalizedText problem)
    {
        file = null;
        if (!CsvTable.TryRead(path, SurveyCsv.AllColumns, SurveyCsv.Column.CustomerId, out var table, out problem))
        {
            return false;
        }

        var rows = new List<SurveyAnswerRow>();
        var bad = new List<BadRow>(table.BadRows);
        var seen = new Dictionary<(string, Instant), int>();
        foreach (var row in table.Rows)
        {
            var r = new CsvRowReader(row, SurveyCsv.Column.CustomerId);
            if (!r.Text(SurveyCsv.Column.VisitId, out var visit)
                || !r.Text(SurveyCsv.Column.CustomerId, out var customer)
                || !r.Moment(SurveyCsv.Column.AnsweredAt, out var answeredAt)
                || !r.Integer(SurveyCsv.Column.Score, out var score)
                || !r.OptionalMoment(SurveyCsv.Column.RespondedAt, out var respondedAt)
                || !r.Boolean(SurveyCsv.Column.PublicOpinionRisk, out var publicOpinion)
                || !r.Boolean(SurveyCsv.Column.SafetyIssue, out var safety)
                || (respondedAt < answeredAt && !r.Fail(SurveyCsv.Column.RespondedAt,
                    new("回应时间早于客户作答时间", "the response is earlier than the answer")))
                || (!seen.TryAdd((visit, answeredAt), row.Line) && !r.Fail(SurveyCsv.Column.VisitId,
                    new($"同一到店记录在同一时间的答卷重复，第 {seen[(visit, answeredAt)]} 行已出现", $"the same visit answered at the same moment already appears on line {seen[(visit, answeredAt)]}"))))
            {
                bad.Add(r.Problem!);
                continue;
            }

            rows.Add(new SurveyAnswerRow(row.Line, visit, customer, score, answeredAt, respondedAt, publicOpinion, safety));
        }

        bad.Sort((a, b) => a.Line.CompareTo(b.Line));
        file = new SurveyFile(table, rows, bad);
        return true;
    }
}
