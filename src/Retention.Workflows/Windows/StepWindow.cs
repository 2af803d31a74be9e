using System;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace Retention.Workflows;

/// <summary>
/// When a step is to be done: a closed family of windows, each opening at an instant and due at an instant
/// (lower bound inclusive, due instant exclusive: the step is overdue from the due instant on). Day windows are
/// calendar days in the store's zone, so "due at the end of D2" stays right across daylight-saving changes; hour
/// windows are elapsed (wall-clock) hours.
/// </summary>
/// <remarks>
/// <para>The family: <see cref="DayWindow"/> (<c>D1-D2</c>, from the workflow's start), <see cref="HourWindow"/>
/// (<c>0-2 h</c> from the start), <see cref="AnchoredDayWindow"/> and <see cref="AnchoredHourWindow"/> (from a
/// <see cref="WindowAnchor"/>: another step, the appointment day, the visit, the reply) and
/// <see cref="RecurringWindow"/> (one of the others, repeated). Windows are data: they serialise to JSON and
/// describe themselves (<see cref="ToString"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
[JsonPolymorphic]
[JsonDerivedType(typeof(DayWindow), "days")]
[JsonDerivedType(typeof(HourWindow), "hours")]
[JsonDerivedType(typeof(AnchoredDayWindow), "daysAfter")]
[JsonDerivedType(typeof(AnchoredHourWindow), "hoursAfter")]
[JsonDerivedType(typeof(RecurringWindow), "recurring")]
public abstract record StepWindow
{
    /// <summary>The longest reach of a window, in days (about ten years).</summary>
    public const int MaxDays = 3660;

    /// <summary>How far an appointment-anchored window may start before the appointment day, in days.</summary>
    public const int MaxDaysBeforeAppointment = 366;

    private protected StepWindow()
    {
    }

    /// <summary>How many times the step is done: 1, or the count of a <see cref="RecurringWindow"/>.</summary>
    [JsonIgnore]
    public virtual int Occurrences => 1;

    /// <summary>The anchor the window waits for, or <see langword="null"/> when it counts from the workflow's start.</summary>
    public abstract WindowAnchor? Anchor { get; }

    /// <summary>Calendar days <c>D<paramref name="firstDay"/>-D<paramref name="lastDay"/></c> from the workflow's start.</summary>
    /// <param name="firstDay">The first day; 1 is the day the workflow started, in the store's zone.</param>
    /// <param name="lastDay">The last day (inclusive): the step is due at the end of that day.</param>
    /// <returns>The window.</returns>
    /// <exception cref="WorkflowDefinitionException">The days are out of range or out of order.</exception>
    public static DayWindow Days(int firstDay, int lastDay) => new(firstDay, lastDay);

    /// <summary>Elapsed hours <c><paramref name="fromHours"/>-<paramref name="toHours"/> h</c> from the workflow's start.</summary>
    /// <param name="fromHours">Opens this many hours after the start (at least 0).</param>
    /// <param name="toHours">Due this many hours after the start (more than <paramref name="fromHours"/>).</param>
    /// <returns>The window.</returns>
    /// <exception cref="WorkflowDefinitionException">The hours are out of range or out of order.</exception>
    public static HourWindow Hours(double fromHours, double toHours) => new(Duration.FromHours(fromHours), Duration.FromHours(toHours));

    /// <summary>Calendar days after an anchor: day 0 is the anchor's day in the store's zone (<c>D+1 after the visit</c> is <c>(Visit, 1, 1)</c>).</summary>
    /// <param name="anchor">What the days count from.</param>
    /// <param name="fromDay">The first day after the anchor's day.</param>
    /// <param name="toDay">The last day (inclusive).</param>
    /// <returns>The window.</returns>
    /// <exception cref="WorkflowDefinitionException">The anchor is missing or the days are out of range or out of order.</exception>
    public static AnchoredDayWindow DaysAfter(WindowAnchor anchor, int fromDay, int toDay) => new(anchor, fromDay, toDay);

    /// <summary>Elapsed hours after an anchor (the appointment counts from the start of its day).</summary>
    /// <param name="anchor">What the hours count from.</param>
    /// <param name="fromHours">Opens this many hours after the anchor.</param>
    /// <param name="toHours">Due this many hours after the anchor.</param>
    /// <returns>The window.</returns>
    /// <exception cref="WorkflowDefinitionException">The anchor is missing or the hours are out of range or out of order.</exception>
    public static AnchoredHourWindow HoursAfter(WindowAnchor anchor, double fromHours, double toHours) =>
        new(anchor, Duration.FromHours(fromHours), Duration.FromHours(toHours));

    /// <summary>Repeats <paramref name="first"/> <paramref name="count"/> times, every <paramref name="every"/> <paramref name="unit"/>s.</summary>
    /// <param name="first">The first occurrence's window (not itself recurring).</param>
    /// <param name="every">The step between occurrences, in <paramref name="unit"/>s (1 to 366).</param>
    /// <param name="unit">Days, weeks or months (calendar, in the store's zone).</param>
    /// <param name="count">How many occurrences (1 to 120).</param>
    /// <returns>The window.</returns>
    /// <exception cref="WorkflowDefinitionException">An argument is out of range.</exception>
    public static RecurringWindow Recurring(StepWindow first, int every, RecurrenceUnit unit, int count) => new(first, every, unit, count);

    /// <summary>Describes the window in English, such as <c>D1-D2</c>, <c>0-2 h</c>, <c>D+1 after the visit</c>.</summary>
    /// <returns>The description.</returns>
    public sealed override string ToString() => Describe();

    /// <summary>Describes the window in English.</summary>
    /// <returns>The description.</returns>
    private protected abstract string Describe();

    /// <summary>Resolves occurrence <paramref name="occurrence"/> of the window; <see langword="false"/> while its anchor is unknown.</summary>
    internal virtual bool TryResolve(IWindowFacts facts, int occurrence, out Instant opens, out Instant due) =>
        TryResolveShifted(facts, Period.Zero, out opens, out due);

    /// <summary>Resolves the window with every local date and time moved by <paramref name="shift"/>.</summary>
    internal abstract bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due);

    private protected static void Check(bool ok, string problem)
    {
        if (!ok)
        {
            throw new WorkflowDefinitionException(problem);
        }
    }

    private protected static string Hours(Duration d) => d.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    private protected static string Day(int offset) => offset < 0 ? $"D{offset}" : $"D+{offset}";

    private protected static Instant StartOfDay(DateTimeZone zone, LocalDate date) => zone.AtStartOfDay(date).ToInstant();

    private protected static Instant ShiftLocal(DateTimeZone zone, Instant instant, Period shift) =>
        shift == Period.Zero ? instant : zone.AtLeniently(instant.InZone(zone).LocalDateTime.Plus(shift)).ToInstant();

    private protected static void CheckAnchor(WindowAnchor anchor, int fromDay, int toDay)
    {
        Check(anchor is not null, "an anchored window needs an anchor");
        int min = anchor!.Kind == AnchorKind.Appointment ? -MaxDaysBeforeAppointment : 0;
        Check(fromDay >= min, anchor.Kind == AnchorKind.Appointment
            ? $"window after {anchor}: may start at most {MaxDaysBeforeAppointment} days before it (fromDay was {fromDay})"
            : $"window after {anchor}: cannot start before it (fromDay was {fromDay}; only the appointment allows days before)");
        Check(toDay >= fromDay, $"window after {anchor}: toDay ({toDay}) must not be before fromDay ({fromDay})");
        Check(toDay <= MaxDays, $"window after {anchor}: toDay must be at most {MaxDays} (was {toDay})");
    }
}

/// <summary>How a <see cref="RecurringWindow"/> steps from one occurrence to the next.</summary>
public enum RecurrenceUnit
{
    /// <summary>Calendar days in the store's zone.</summary>
    Days = 0,

    /// <summary>Weeks of 7 calendar days.</summary>
    Weeks = 1,

    /// <summary>Calendar months (the 31st becomes the last day of a shorter month).</summary>
    Months = 2,
}

/// <summary>
/// Calendar days from the workflow's start: <c>D1-D2</c>. D1 is the day the workflow started in the store's zone; the
/// window opens at the start of day <see cref="FirstDay"/> (never before the step is reached) and is due at the end of
/// day <see cref="LastDay"/>, that is at the start of the next local day, so a day that is 23 or 25 hours long
/// (daylight-saving change) still counts as one day.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DayWindow : StepWindow
{
    /// <summary>Creates the window.</summary>
    /// <param name="firstDay">The first day, from 1.</param>
    /// <param name="lastDay">The last day (inclusive), from <paramref name="firstDay"/> to <see cref="StepWindow.MaxDays"/>.</param>
    /// <exception cref="WorkflowDefinitionException">The days are out of range or out of order.</exception>
    public DayWindow(int firstDay, int lastDay)
    {
        Check(firstDay >= 1, $"day window: firstDay must be at least 1, D1 being the start day (was {firstDay})");
        Check(lastDay >= firstDay, $"day window: lastDay ({lastDay}) must not be before firstDay ({firstDay})");
        Check(lastDay <= MaxDays, $"day window: lastDay must be at most {MaxDays} (was {lastDay})");
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    /// <summary>The first day; 1 is the start day.</summary>
    public int FirstDay { get; }

    /// <summary>The last day (inclusive).</summary>
    public int LastDay { get; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override WindowAnchor? Anchor => null;

    private protected override string Describe() => FirstDay == LastDay ? $"D{FirstDay}" : $"D{FirstDay}-D{LastDay}";

    internal override bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due)
    {
        var zone = facts.Zone;
        var d1 = facts.Start.InZone(zone).Date;
        opens = StartOfDay(zone, d1.PlusDays(FirstDay - 1).Plus(shift));
        due = StartOfDay(zone, d1.PlusDays(LastDay - 1).Plus(shift).PlusDays(1));
        return true;
    }
}

/// <summary>Elapsed hours from the workflow's start: <c>0-2 h</c>. Opens at start + <see cref="From"/>, due at start + <see cref="To"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HourWindow : StepWindow
{
    /// <summary>Creates the window.</summary>
    /// <param name="from">When it opens, at least zero.</param>
    /// <param name="to">When it is due, after <paramref name="from"/> and at most <see cref="StepWindow.MaxDays"/> days.</param>
    /// <exception cref="WorkflowDefinitionException">The durations are out of range or out of order.</exception>
    public HourWindow(Duration from, Duration to)
    {
        Check(from >= Duration.Zero, $"hour window: from must not be negative (was {Hours(from)} h)");
        Check(to > from, $"hour window: to ({Hours(to)} h) must be after from ({Hours(from)} h)");
        Check(to <= Duration.FromDays(MaxDays), $"hour window: to must be at most {MaxDays} days (was {Hours(to)} h)");
        From = from;
        To = to;
    }

    /// <summary>When the window opens, after the start.</summary>
    public Duration From { get; }

    /// <summary>When the step is due, after the start.</summary>
    public Duration To { get; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override WindowAnchor? Anchor => null;

    private protected override string Describe() => $"{Hours(From)}-{Hours(To)} h";

    internal override bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due)
    {
        opens = ShiftLocal(facts.Zone, facts.Start + From, shift);
        due = opens + (To - From);
        return true;
    }
}

/// <summary>
/// Calendar days after an anchor: day 0 is the anchor's day in the store's zone. <c>(Visit, 1, 1)</c> is "D+1 after the
/// visit", <c>(Appointment, 0, 0)</c> the appointment day, <c>(Appointment, -1, -1)</c> the day before it. Opens at the
/// start of day <see cref="FromDay"/>, due at the end of day <see cref="ToDay"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AnchoredDayWindow : StepWindow
{
    /// <summary>Creates the window.</summary>
    /// <param name="anchor">What the days count from.</param>
    /// <param name="fromDay">The first day after the anchor's day (0 is that day; negative only for the appointment, down to -366).</param>
    /// <param name="toDay">The last day (inclusive), from <paramref name="fromDay"/> to <see cref="StepWindow.MaxDays"/>.</param>
    /// <exception cref="WorkflowDefinitionException">The anchor is missing or the days are out of range or out of order.</exception>
    public AnchoredDayWindow(WindowAnchor anchor, int fromDay, int toDay)
    {
        CheckAnchor(anchor, fromDay, toDay);
        Anchor = anchor;
        FromDay = fromDay;
        ToDay = toDay;
    }

    /// <inheritdoc/>
    public override WindowAnchor Anchor { get; }

    /// <summary>The first day, counted from the anchor's day (0).</summary>
    public int FromDay { get; }

    /// <summary>The last day (inclusive), counted from the anchor's day.</summary>
    public int ToDay { get; }

    private protected override string Describe()
    {
        if (Anchor.Kind == AnchorKind.Appointment && FromDay == 0 && ToDay == 0)
        {
            return "the appointment day";
        }

        string days = FromDay == ToDay ? Day(FromDay) : $"{Day(FromDay)}..{Day(ToDay)}";
        return $"{days} after {Anchor}";
    }

    internal override bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due)
    {
        var zone = facts.Zone;
        LocalDate? day = Anchor.Kind switch
        {
            AnchorKind.Appointment => facts.Appointment,
            AnchorKind.Visit => facts.Visit?.InZone(zone).Date,
            AnchorKind.Reply => facts.Reply?.InZone(zone).Date,
            _ => facts.CompletedAt(Anchor.StepId!)?.InZone(zone).Date,
        };
        if (day is not LocalDate d0)
        {
            opens = due = default;
            return false;
        }

        opens = StartOfDay(zone, d0.PlusDays(FromDay).Plus(shift));
        due = StartOfDay(zone, d0.PlusDays(ToDay).Plus(shift).PlusDays(1));
        return true;
    }
}

/// <summary>
/// Elapsed hours after an anchor: "2 h after the visit" is <c>(Visit, 0 h, 2 h)</c>. The appointment counts from the
/// start of its day.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AnchoredHourWindow : StepWindow
{
    /// <summary>Creates the window.</summary>
    /// <param name="anchor">What the hours count from.</param>
    /// <param name="from">When it opens after the anchor (not negative, except for the appointment down to -366 days).</param>
    /// <param name="to">When it is due after the anchor: after <paramref name="from"/>, at most <see cref="StepWindow.MaxDays"/> days.</param>
    /// <exception cref="WorkflowDefinitionException">The anchor is missing or the durations are out of range or out of order.</exception>
    public AnchoredHourWindow(WindowAnchor anchor, Duration from, Duration to)
    {
        Check(anchor is not null, "an anchored window needs an anchor");
        var min = anchor!.Kind == AnchorKind.Appointment ? Duration.FromDays(-MaxDaysBeforeAppointment) : Duration.Zero;
        Check(from >= min, $"hour window after {anchor}: from must not be {(min == Duration.Zero ? "negative" : "more than 366 days before it")} (was {Hours(from)} h)");
        Check(to > from, $"hour window after {anchor}: to ({Hours(to)} h) must be after from ({Hours(from)} h)");
        Check(to <= Duration.FromDays(MaxDays), $"hour window after {anchor}: to must be at most {MaxDays} days (was {Hours(to)} h)");
        Anchor = anchor;
        From = from;
        To = to;
    }

    /// <inheritdoc/>
    public override WindowAnchor Anchor { get; }

    /// <summary>When the window opens, after the anchor.</summary>
    public Duration From { get; }

    /// <summary>When the step is due, after the anchor.</summary>
    public Duration To { get; }

    private protected override string Describe() => $"{Hours(From)}-{Hours(To)} h after {Anchor}";

    internal override bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due)
    {
        var zone = facts.Zone;
        Instant? at = Anchor.Kind switch
        {
            AnchorKind.Appointment => facts.Appointment is LocalDate d ? StartOfDay(zone, d) : null,
            AnchorKind.Visit => facts.Visit,
            AnchorKind.Reply => facts.Reply,
            _ => facts.CompletedAt(Anchor.StepId!),
        };
        if (at is not Instant a)
        {
            opens = due = default;
            return false;
        }

        opens = ShiftLocal(zone, a + From, shift);
        due = opens + (To - From);
        return true;
    }
}

/// <summary>
/// A window repeated: occurrence <c>k</c> (from 0) is <see cref="First"/> moved <c>k * Every</c> <see cref="Unit"/>s
/// later in the store's local calendar. "Monthly for 3 months after the visit" is
/// <c>Recurring(DaysAfter(Visit, 30, 30), 1, Months, 3)</c>; "every 2 weeks" is <c>(…, 2, Weeks, n)</c>.
/// </summary>
/// <remarks>
/// <para>Each occurrence is a task of its own (<see cref="StepState.Occurrence"/>). An outcome's route is taken after the
/// last occurrence, unless the route ends the recurrence at once (<see cref="OutcomeRoute.EndsRecurrence"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record RecurringWindow : StepWindow
{
    /// <summary>The most occurrences of one step.</summary>
    public const int MaxCount = 120;

    /// <summary>Creates the window.</summary>
    /// <param name="first">The first occurrence's window; not itself recurring.</param>
    /// <param name="every">The step between occurrences in <paramref name="unit"/>s, 1 to 366.</param>
    /// <param name="unit">Days, weeks or months.</param>
    /// <param name="count">How many occurrences, 1 to <see cref="MaxCount"/>.</param>
    /// <exception cref="WorkflowDefinitionException">An argument is missing or out of range.</exception>
    public RecurringWindow(StepWindow first, int every, RecurrenceUnit unit, int count)
    {
        Check(first is not null, "recurring window: the first occurrence's window is missing");
        Check(first is not RecurringWindow, "recurring window: the first occurrence's window cannot itself be recurring");
        Check(every is >= 1 and <= 366, $"recurring window: every must be from 1 to 366 (was {every})");
        Check(Enum.IsDefined(unit), $"recurring window: unit {(int)unit} is not a known unit");
        Check(count is >= 1 and <= MaxCount, $"recurring window: count must be from 1 to {MaxCount} (was {count})");
        First = first!;
        Every = every;
        Unit = unit;
        Count = count;
    }

    /// <summary>The first occurrence's window.</summary>
    public StepWindow First { get; }

    /// <summary>The step between occurrences, in <see cref="Unit"/>s.</summary>
    public int Every { get; }

    /// <summary>Days, weeks or months.</summary>
    public RecurrenceUnit Unit { get; }

    /// <summary>How many occurrences.</summary>
    public int Count { get; }

    /// <inheritdoc/>
    [JsonIgnore]
    public override int Occurrences => Count;

    /// <inheritdoc/>
    [JsonIgnore]
    public override WindowAnchor? Anchor => First.Anchor;

    private protected override string Describe()
    {
        string unit = Unit switch { RecurrenceUnit.Days => "day", RecurrenceUnit.Weeks => "week", _ => "month" };
        string every = Every == 1 ? unit : $"{Every} {unit}s";
        return $"{First}, then every {every}, {Count} times";
    }

    internal override bool TryResolve(IWindowFacts facts, int occurrence, out Instant opens, out Instant due)
    {
        int k = Every * occurrence;
        var shift = Unit switch
        {
            RecurrenceUnit.Days => Period.FromDays(k),
            RecurrenceUnit.Weeks => Period.FromWeeks(k),
            _ => Period.FromMonths(k),
        };
        return First.TryResolveShifted(facts, shift, out opens, out due);
    }

    internal override bool TryResolveShifted(IWindowFacts facts, Period shift, out Instant opens, out Instant due) =>
        First.TryResolveShifted(facts, shift, out opens, out due);
}
