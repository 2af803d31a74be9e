using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Retention.Contact;

/// <summary>
/// Validates <see cref="ContactOptions"/>. Each failure names the option by its path (for example
/// <c>VipCap</c> or <c>Cadence.Vip.EveryDays</c>) and says what is wrong.
/// </summary>
/// <remarks>Stateless and thread-safe; registered by <c>AddRetentionContact</c> and run at start-up.</remarks>
public sealed class ContactOptionsValidator : IValidateOptions<ContactOptions>
{
    // Longest window, gap or cadence step that makes sense for contact frequency: a year. Longer ones
    // are configuration mistakes (and would overflow the instant arithmetic for the largest values).
    private const int MaxDays = 366;

    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(MaxDays);

    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    public ValidateOptionsResult Validate(string? name, ContactOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists every problem with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem, each starting with the option's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Collect(ContactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Add(string path, string message) => errors.Add($"{path}: {message}.");
        void TimeOfDay(TimeSpan v, string path, bool allowEndOfDay)
        {
            var max = allowEndOfDay ? TimeSpan.FromDays(1) : TimeSpan.FromDays(1) - TimeSpan.FromTicks(1);
            if (v < TimeSpan.Zero || v > max)
            {
                Add(path, $"must be a time of day from 00:00 to {(allowEndOfDay ? "24:00" : "23:59:59")} (was {v})");
            }
        }

        void Share(double v, string path)
        {
            if (!(v >= 0 && v <= 1))
            {
                Add(path, $"must be in [0, 1] (was {v.ToString("R", CultureInfo.InvariantCulture)})");
            }
        }

        if (string.IsNullOrWhiteSpace(options.StoreTimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.StoreTimeZone) is null)
        {
            Add("StoreTimeZone", $"must be an IANA time zone id such as Asia/Shanghai (was \"{options.StoreTimeZone}\")");
        }

        if (options.RollingWindow <= TimeSpan.Zero || options.RollingWindow > MaxSpan)
        {
            Add("RollingWindow", $"must be longer than zero and at most {MaxSpan.Days} days (was {options.RollingWindow})");
        }

        if (options.OrdinaryCap < 1)
        {
            Add("OrdinaryCap", $"must be at least 1 (was {options.OrdinaryCap})");
        }

        if (options.VipCap < options.OrdinaryCap)
        {
            Add("VipCap", $"must be at least OrdinaryCap ({options.OrdinaryCap}) (was {options.VipCap})");
        }

        if (options.MinimumGap < TimeSpan.Zero || options.MinimumGap > MaxSpan)
        {
            Add("MinimumGap", $"must be from zero to {MaxSpan.Days} days (was {options.MinimumGap})");
        }
        else if (options.MinimumGap >= options.RollingWindow && options.RollingWindow > TimeSpan.Zero && Math.Max(options.OrdinaryCap, options.VipCap) > 1)
        {
            Add("MinimumGap", $"must be shorter than RollingWindow ({options.RollingWindow}) or the caps can never be used (was {options.MinimumGap})");
        }

        TimeOfDay(options.VoiceFrom, "VoiceFrom", false);
        TimeOfDay(options.VoiceUntil, "VoiceUntil", true);
        TimeOfDay(options.MessageFrom, "MessageFrom", false);
        TimeOfDay(options.MessageUntil, "MessageUntil", true);
        if (options.VoiceUntil <= options.VoiceFrom)
        {
            Add("VoiceUntil", $"must be later than VoiceFrom ({options.VoiceFrom}) (was {options.VoiceUntil})");
        }

        if (options.MessageUntil <= options.MessageFrom)
        {
            Add("MessageUntil", $"must be later than MessageFrom ({options.MessageFrom}) (was {options.MessageUntil})");
        }

        if (options.UnansweredCallsForMessages < 1)
        {
            Add("UnansweredCallsForMessages", $"must be at least 1 (was {options.UnansweredCallsForMessages})");
        }

        var messages = ContactChannels.Sms | ContactChannels.WeChat | ContactChannels.AppPush | ContactChannels.Email;
        if (options.MessageFallbacks == ContactChannels.None || (options.MessageFallbacks & ~messages) != 0)
        {
            Add("MessageFallbacks", $"must name at least one message channel (Sms, WeChat, AppPush, Email) and nothing else (was {options.MessageFallbacks})");
        }

        if (options.Cadence is not { } c)
        {
            Add("Cadence", "is missing (null)");
        }
        else
        {
            if (c.SleepingAfterDays < 1)
            {
                Add("Cadence.SleepingAfterDays", $"must be at least 1 (was {c.SleepingAfterDays})");
            }

            if (c.LostAfterDays <= c.SleepingAfterDays)
            {
                Add("Cadence.LostAfterDays", $"must be greater than Cadence.SleepingAfterDays ({c.SleepingAfterDays}) (was {c.LostAfterDays})");
            }

            if (!(c.VipValueScore >= 0 && c.VipValueScore <= 100))
            {
                Add("Cadence.VipValueScore", $"must be in [0, 100] (was {c.VipValueScore.ToString("R", CultureInfo.InvariantCulture)})");
            }

            TimeOfDay(c.TouchTimeOfDay, "Cadence.TouchTimeOfDay", false);
            if (c.AfterServiceDays < 0 || c.AfterServiceDays > MaxDays)
            {
                Add("Cadence.AfterServiceDays", $"must be from 0 to {MaxDays} (was {c.AfterServiceDays})");
            }

            if (!Enum.IsDefined(c.AfterServiceChannel))
            {
                Add("Cadence.AfterServiceChannel", $"is not a known channel ({c.AfterServiceChannel})");
            }

            foreach (var (s, path) in new[] { (c.Vip, "Cadence.Vip"), (c.Active, "Cadence.Active"), (c.Sleeping, "Cadence.Sleeping"), (c.Lost, "Cadence.Lost"), (c.Complaint, "Cadence.Complaint") })
            {
                if (s is null)
                {
                    Add(path, "is missing (null)");
                    continue;
                }

                if (s.EveryDays < 1 || s.EveryDays > MaxDays)
                {
                    Add(path + ".EveryDays", $"must be from 1 to {MaxDays} (was {s.EveryDays})");
                }

                if (!Enum.IsDefined(s.Channel))
                {
                    Add(path + ".Channel", $"is not a known channel ({s.Channel})");
                }

                if (!Enum.IsDefined(s.Owner))
                {
                    Add(path + ".Owner", $"is not a known role ({s.Owner})");
                }

                if (!Enum.IsDefined(s.Purpose))
                {
                    Add(path + ".Purpose", $"is not a known purpose ({s.Purpose})");
                }
            }
        }

        if (options.Kpis is not { } k)
        {
            Add("Kpis", "is missing (null)");
        }
        else
        {
            Share(k.AnswerRateTarget, "Kpis.AnswerRateTarget");
            Share(k.FollowUpOnTimeTarget, "Kpis.FollowUpOnTimeTarget");
            if (k.FollowUpWithin <= TimeSpan.Zero)
            {
                Add("Kpis.FollowUpWithin", $"must be longer than zero (was {k.FollowUpWithin})");
            }

            if (k.HarassmentComplaintsTarget < 0)
            {
                Add("Kpis.HarassmentComplaintsTarget", $"must not be negative (was {k.HarassmentComplaintsTarget})");
            }
        }

        return errors;
    }

    internal static void ThrowIfInvalid(ContactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ContactOptions), errors);
        }
    }
}
