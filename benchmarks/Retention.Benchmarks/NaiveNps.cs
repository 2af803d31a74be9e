using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retention.Benchmarks;

// The baseline: NPS per segment written the way an app team would by hand, without the library:
// one class per answer, GroupBy on the segment, Count with a predicate per class, a List of rows.

/// <summary>An NPS answer as an app loads it (an ORM entity).</summary>
public sealed class NaiveNpsAnswer
{
    public long Id { get; set; }

    public string StoreCode { get; set; } = "";

    public int AdvisorId { get; set; }

    public int Score { get; set; }

    public DateTime AnsweredAt { get; set; }
}

/// <summary>One row of the report: the NPS of one segment.</summary>
public sealed class NaiveNpsRow
{
    public string Segment { get; set; } = "";

    public int Answers { get; set; }

    public int Promoters { get; set; }

    public int Passives { get; set; }

    public int Detractors { get; set; }

    public double Nps { get; set; }

    public double MarginOfError { get; set; }
}

/// <summary>The hand-written report.</summary>
public static class NaiveNps
{
    /// <summary>The NPS overall and per advisor.</summary>
    public static (NaiveNpsRow Overall, List<NaiveNpsRow> ByAdvisor) ByAdvisor(List<NaiveNpsAnswer> answers)
    {
        var overall = Row("all", answers);
        var rows = answers
            .GroupBy(a => a.AdvisorId)
            .Select(g => Row(g.Key.ToString(CultureInfo.InvariantCulture), g))
            .OrderBy(r => r.Segment, StringComparer.Ordinal)
            .ToList();
        return (overall, rows);
    }

    private static NaiveNpsRow Row(string segment, IEnumerable<NaiveNpsAnswer> answers)
    {
        int total = answers.Count(a => a.Score >= 0 && a.Score <= 10);
        int promoters = answers.Count(a => a.Score >= 9 && a.Score <= 10);
        int detractors = answers.Count(a => a.Score >= 0 && a.Score <= 6);
        var row = new NaiveNpsRow
        {
            Segment = segment,
            Answers = total,
            Promoters = promoters,
            Passives = total - promoters - detractors,
            Detractors = detractors,
        };
        if (total > 0)
        {
            double p = (double)promoters / total;
            double d = (double)detractors / total;
            row.Nps = (p - d) * 100;
            row.MarginOfError = 1.96 * Math.Sqrt((p + d - ((p - d) * (p - d))) / total) * 100;
        }

        return row;
    }
}
