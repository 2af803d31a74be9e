using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Retention.Nps;

/// <summary>
/// Validates <see cref="NpsOptions"/>. Each failure names the option by its path (for example
/// <c>Alerts.YellowUpTo</c>) and says what is wrong.
/// </summary>
/// <remarks>Stateless and thread-safe; registered by <c>AddRetentionNps</c> and run at start-up.</remarks>
public sealed class NpsOptionsValidator : IValidateOptions<NpsOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, NpsOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Add(string path, string message) => errors.Add($"{path}: {message}.");
        void Score(int v, string path, int min = 0)
        {
            if (v < min || v > 10)
            {
                Add(path, $"must be a whole score in [{min}, 10] (was {v})");
            }
        }

        void Positive(TimeSpan v, string path)
        {
            if (v <= TimeSpan.Zero)
            {
                Add(path, $"must be longer than zero (was {v})");
            }
        }

        void Share(double v, string path)
        {
            if (!(v >= 0 && v <= 1))
            {
                Add(path, $"must be in [0, 1] (was {v.ToString("R", CultureInfo.InvariantCulture)})");
            }
        }

        void Role(StaffRole v, string path)
        {
            if (!Enum.IsDefined(v))
            {
                Add(path, $"is not a known role ({v})");
            }
        }

        Score(options.PassiveFrom, "PassiveFrom", 1);
        Score(options.PromoterFrom, "PromoterFrom", 1);
        if (options.PromoterFrom <= options.PassiveFrom)
        {
            Add("PromoterFrom", $"must be greater than PassiveFrom ({options.PassiveFrom}) (was {options.PromoterFrom})");
        }

        if (!(options.ConfidenceZ > 0 && double.IsFinite(options.ConfidenceZ)))
        {
            Add("ConfidenceZ", $"must be a finite number > 0 (was {options.ConfidenceZ.ToString("R", CultureInfo.InvariantCulture)})");
        }

        Positive(options.DetractorSupervisorContactWithin, "DetractorSupervisorContactWithin");

        if (options.Alerts is not { } a)
        {
            Add("Alerts", "is missing (null)");
        }
        else
        {
            Score(a.RedUpTo, "Alerts.RedUpTo");
            Score(a.YellowUpTo, "Alerts.YellowUpTo");
            Score(a.OrangeUpTo, "Alerts.OrangeUpTo");
            if (a.YellowUpTo <= a.RedUpTo)
            {
                Add("Alerts.YellowUpTo", $"must be greater than Alerts.RedUpTo ({a.RedUpTo}) (was {a.YellowUpTo})");
            }

            if (a.OrangeUpTo < a.YellowUpTo)
            {
                Add("Alerts.OrangeUpTo", $"must be >= Alerts.YellowUpTo ({a.YellowUpTo}) (was {a.OrangeUpTo})");
            }

            foreach (var (level, path) in new[] { (a.Red, "Alerts.Red"), (a.Yellow, "Alerts.Yellow"), (a.Orange, "Alerts.Orange") })
            {
                if (level is null)
                {
                    Add(path, "is missing (null)");
                    continue;
                }

                Role(level.Notify, path + ".Notify");
                if (level.Channels == AlertChannels.None || (level.Channels & ~(AlertChannels.Sms | AlertChannels.Phone | AlertChannels.WeChat | AlertChannels.Task)) != 0)
                {
                    Add(path + ".Channels", $"must name at least one known channel (was {level.Channels})");
                }

                Positive(level.RespondWithin, path + ".RespondWithin");
                if (!Enum.IsDefined(level.Mark))
                {
                    Add(path + ".Mark", $"is not a known mark ({level.Mark})");
                }

                if (level.EscalateTo is StaffRole up)
                {
                    Role(up, path + ".EscalateTo");
                    if (up <= level.Notify)
                    {
                        Add(path + ".EscalateTo", $"must be more senior than {path}.Notify ({level.Notify}) (was {up})");
                    }
                }
            }
        }

        if (options.Grades is not { } g)
        {
            Add("Grades", "is missing (null)");
        }
        else
        {
            Score(g.SUpTo, "Grades.SUpTo");
            Score(g.AUpTo, "Grades.AUpTo");
            if (g.AUpTo <= g.SUpTo)
            {
                Add("Grades.AUpTo", $"must be greater than Grades.SUpTo ({g.SUpTo}) (was {g.AUpTo})");
            }

            if (g.AUpTo >= options.PassiveFrom)
            {
                Add("Grades.AUpTo", $"must be below PassiveFrom ({options.PassiveFrom}): grades are for detractors (was {g.AUpTo})");
            }

            decimal? milder = null;
            foreach (var (p, path) in new[] { (g.B, "Grades.B"), (g.A, "Grades.A"), (g.S, "Grades.S") })
            {
                if (p is null)
                {
                    Add(path, "is missing (null)");
                    continue;
                }

                Positive(p.RespondWithin, path + ".RespondWithin");
                Role(p.Responder, path + ".Responder");
                Role(p.Approver, path + ".Approver");
                if (p.Approver <= p.Responder)
                {
                    Add(path + ".Approver", $"must be more senior than {path}.Responder ({p.Responder}) (was {p.Approver})");
                }

                if (!Enum.IsDefined(p.Involvement))
                {
                    Add(path + ".Involvement", $"is not a known value ({p.Involvement})");
                }

                if (p.CompensationAuthority < 0)
                {
                    Add(path + ".CompensationAuthority", $"must be >= 0 (was {p.CompensationAuthority})");
                }
                else if (milder is decimal m && p.CompensationAuthority < m)
                {
                    Add(path + ".CompensationAuthority", $"must be at least the milder grade's authority ({m}) (was {p.CompensationAuthority})");
                }

                milder = p.CompensationAuthority;
            }
        }

        if (options.Rescue is not { } r)
        {
            Add("Rescue", "is missing (null)");
        }
        else
        {
            Positive(r.IdentifyBy, "Rescue.IdentifyBy");
            var steps = new[] { (r.IdentifyBy, "Rescue.IdentifyBy"), (r.FirstContactBy, "Rescue.FirstContactBy"), (r.InvestigateBy, "Rescue.InvestigateBy"), (r.SolutionBy, "Rescue.SolutionBy"), (r.ExecuteBy, "Rescue.ExecuteBy") };
            for (int i = 1; i < steps.Length; i++)
            {
                if (steps[i].Item1 <= steps[i - 1].Item1)
                {
                    Add(steps[i].Item2, $"must be later than {steps[i - 1].Item2} ({steps[i - 1].Item1}) (was {steps[i].Item1})");
                }
            }

            Positive(r.ExecutionStartsWithin, "Rescue.ExecutionStartsWithin");
            if (r.ExecutionStartsWithin <= r.SolutionBy && r.SolutionBy < r.ExecuteBy)
            {
                // The plan is carried out once it is designed: a start before the design's deadline cannot be kept.
                // (With ExecuteBy not after SolutionBy, the ExecuteBy problem above is the one to fix first.)
                Add("Rescue.ExecutionStartsWithin", $"must be later than Rescue.SolutionBy ({r.SolutionBy}) (was {r.ExecutionStartsWithin})");
            }
            else if (r.ExecutionStartsWithin > r.ExecuteBy)
            {
                Add("Rescue.ExecutionStartsWithin", $"must not be later than Rescue.ExecuteBy ({r.ExecuteBy}) (was {r.ExecutionStartsWithin})");
            }
        }

        if (options.ResponseTimeEffect is not { } e)
        {
            Add("ResponseTimeEffect", "is missing (null)");
        }
        else
        {
            Positive(e.FastWithin, "ResponseTimeEffect.FastWithin");
            if (e.SameDayWithin <= e.FastWithin)
            {
                Add("ResponseTimeEffect.SameDayWithin", $"must be longer than ResponseTimeEffect.FastWithin ({e.FastWithin}) (was {e.SameDayWithin})");
            }

            Share(e.FastSuccess, "ResponseTimeEffect.FastSuccess");
            Share(e.SameDaySuccess, "ResponseTimeEffect.SameDaySuccess");
            Share(e.LateSuccess, "ResponseTimeEffect.LateSuccess");
            // Success must not rise as the response gets later. Each error names the option that rises
            // (NaN is already reported by Share and compares false here).
            if (e.SameDaySuccess > e.FastSuccess)
            {
                Add("ResponseTimeEffect.SameDaySuccess", $"must be at most ResponseTimeEffect.FastSuccess ({e.FastSuccess.ToString("R", CultureInfo.InvariantCulture)}): success must not rise as the response gets later (was {e.SameDaySuccess.ToString("R", CultureInfo.InvariantCulture)})");
            }

            if (e.LateSuccess > e.SameDaySuccess)
            {
                Add("ResponseTimeEffect.LateSuccess", $"must be at most ResponseTimeEffect.SameDaySuccess ({e.SameDaySuccess.ToString("R", CultureInfo.InvariantCulture)}): success must not rise as the response gets later (was {e.LateSuccess.ToString("R", CultureInfo.InvariantCulture)})");
            }
        }

        if (options.EmotionWarning is not { } w)
        {
            Add("EmotionWarning", "is missing (null)");
        }
        else
        {
            if (w.WaitingBeyondPromiseMinutes < 1)
            {
                Add("EmotionWarning.WaitingBeyondPromiseMinutes", $"must be at least 1 (was {w.WaitingBeyondPromiseMinutes})");
            }

            if (w.ProgressQuestions < 1)
            {
                Add("EmotionWarning.ProgressQuestions", $"must be at least 1 (was {w.ProgressQuestions})");
            }
        }

        return errors;
    }

    internal static void ThrowIfInvalid(NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(NpsOptions), errors);
        }
    }
}
