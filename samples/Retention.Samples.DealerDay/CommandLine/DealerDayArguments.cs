using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using Retention.Samples.DealerDay.Customers;
using Retention.Scoring;

namespace Retention.Samples.DealerDay.CommandLine;

/// <summary>The sample's command line: <c>[--input file.csv] [--as-of yyyy-MM-dd] [--locale zh-CN|en] [--generate file.csv] [--simulate-month] [--help]</c>.</summary>
/// <param name="Input">The CSV to score; <see langword="null"/> for the bundled data.</param>
/// <param name="AsOf">The date to score for.</param>
/// <param name="Locale"><c>zh-CN</c> (the default) or <c>en</c>.</param>
/// <param name="GeneratePath">Where to write the synthetic data set instead of scoring, or <see langword="null"/>.</param>
/// <param name="Help">Show the usage text and exit.</param>
/// <param name="SimulateMonth">Print only the simulated month of workflows (Retention.Workflows) from the as-of date.</param>
internal sealed record DealerDayArguments(string? Input, LocalDate AsOf, string Locale, string? GeneratePath, bool Help, bool SimulateMonth = false)
{
    /// <summary>The date the bundled data describes: last visits in data/customers.csv are counted back from it.</summary>
    public static readonly LocalDate DefaultAsOf = new(2026, 11, 23);

    /// <summary>The report's language without <c>--locale</c>: the stores the playbooks come from work in Chinese.</summary>
    public const string DefaultLocale = "zh-CN";

    public static readonly LocalizedText Usage = new(
        """
        用法：dotnet run --project samples/Retention.Samples.DealerDay [-- 选项]

          --input <文件.csv>      评分此文件，而不是随附的 data/customers.csv（格式相同，见 README.md）。
                                  同一文件夹中的 nps-answers.csv、contact-history.csv、contact-preferences.csv
                                  （如有）用于 NPS 与本周触达计划
          --as-of <yyyy-MM-dd>    统计日期（默认 2026-11-23，即随附数据对应的日期）；报告时刻为当天 08:00（门店时区），
                                  本周指此日起的 7 天
          --locale <zh-CN|en>     报告的语言：标签、原因说明与话术（默认 zh-CN）
          --generate <文件.csv>   写出合成数据集（固定种子，日期相对于 --as-of）后退出：此客户文件（1,200 位客户），
                                  以及同一文件夹中的问卷答卷、触达记录与触达偏好；每个文件都含几行故意出错的数据
          --simulate-month        只输出模拟的一个月：从 --as-of（周一）起 4 周，每周一筛查并启动内置流程，逐日推进（固定种子）
          --help                  显示本说明

        退出码：0 报告已生成；2 参数错误、文件缺失或无法读取、表头错误，或没有任何一行可以评分。
        """,
        """
        Usage: dotnet run --project samples/Retention.Samples.DealerDay [-- options]

          --input <file.csv>      score this file instead of the bundled data/customers.csv (same schema, see README.md);
                                  nps-answers.csv, contact-history.csv and contact-preferences.csv in the same folder,
                                  when there, feed the NPS section and the week's contact plan
          --as-of <yyyy-MM-dd>    the date to score for (default 2026-11-23, the date the bundled data describes); the
                                  report moment is 08:00 that day in the store's zone, the week is the 7 days from it
          --locale <zh-CN|en>     language of the report: labels, reasons and talk tracks (default zh-CN)
          --generate <file.csv>   write the synthetic data set (fixed seed, dated relative to --as-of) and exit: this
                                  customer file (1,200 customers) and, in the same folder, the survey answers, contact
                                  history and contact preferences; each file has a few deliberately bad rows
          --simulate-month        print only the simulated month: 4 weeks from --as-of (a Monday), a screening every Monday
                                  starting the built-in workflows, days advanced with a fixed seed
          --help                  show this text

        Exit codes: 0 report written; 2 bad arguments, a missing or unreadable file, a bad header, or no row could be scored.
        """);

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="parsed">The arguments, when they are valid.</param>
    /// <param name="error">What is wrong, when they are not.</param>
    /// <param name="locale">The requested locale (<c>--locale</c> when valid, else <c>zh-CN</c>), also for the error message.</param>
    /// <returns><see langword="true"/> when the arguments are valid.</returns>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out DealerDayArguments? parsed, out LocalizedText error, out string locale)
    {
        ArgumentNullException.ThrowIfNull(args);
        parsed = null;
        error = default;
        locale = ErrorLocale(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool help = false;
        bool simulate = false;

        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help" or "-?" or "/?")
            {
                help = true;
                continue;
            }

            if (arg == "--simulate-month")
            {
                simulate = true;
                continue;
            }

            if (arg is not ("--input" or "--as-of" or "--locale" or "--generate"))
            {
                error = new($"未知参数“{arg}”。使用 --help 查看用法。", $"unknown argument '{arg}'. Use --help for usage.");
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = new($"{arg} 缺少取值。使用 --help 查看用法。", $"{arg} needs a value. Use --help for usage.");
                return false;
            }

            if (!values.TryAdd(arg, args[++i]))
            {
                error = new($"{arg} 只能指定一次。", $"{arg} is given more than once.");
                return false;
            }
        }

        string? input = values.GetValueOrDefault("--input");
        string? asOfText = values.GetValueOrDefault("--as-of");
        string? localeText = values.GetValueOrDefault("--locale");
        string? generate = values.GetValueOrDefault("--generate");
        if (localeText is not null && Normalize(localeText) is null)
        {
            error = new($"--locale 只能是 zh-CN 或 en（实际为“{localeText}”）。", $"--locale must be zh-CN or en (was '{localeText}').");
            return false;
        }

        var asOf = DefaultAsOf;
        if (asOfText is not null)
        {
            var result = CustomerCsv.DatePattern.Parse(asOfText);
            if (!result.Success)
            {
                error = new($"--as-of 应为 yyyy-MM-dd 格式的日期（实际为“{asOfText}”）。", $"--as-of must be a date in the form yyyy-MM-dd (was '{asOfText}').");
                return false;
            }

            asOf = result.Value;
        }

        if (input is not null && generate is not null)
        {
            error = new("--input 与 --generate 不能同时使用。", "--input and --generate cannot be used together.");
            return false;
        }

        if (simulate && generate is not null)
        {
            error = new("--simulate-month 与 --generate 不能同时使用。", "--simulate-month and --generate cannot be used together.");
            return false;
        }

        parsed = new DealerDayArguments(input, asOf, locale, generate, help, simulate);
        return true;
    }

    // Errors are reported in the requested language even when the error comes before --locale.
    private static string ErrorLocale(string[] args)
    {
        int at = Array.IndexOf(args, "--locale");
        return at >= 0 && at + 1 < args.Length ? Normalize(args[at + 1]) ?? DefaultLocale : DefaultLocale;
    }

    private static string? Normalize(string locale) =>
        string.Equals(locale, "en", StringComparison.OrdinalIgnoreCase) ? "en"
        : string.Equals(locale, "zh-CN", StringComparison.OrdinalIgnoreCase) ? "zh-CN"
        : null;
}
