namespace Retention.Samples.DealerDay.Report;

/// <summary>
/// One section of the Monday report. A section reads the scored data and writes text; it does not
/// score or decide anything itself. To add a section (talk tracks, a workflow simulation), write a
/// class in <c>Sections/</c> and add it to the list in <c>Program.cs</c>.
/// </summary>
internal interface IReportSection
{
    /// <summary>Writes the section.</summary>
    /// <param name="report">The scored customers, bad rows and the scoring services.</param>
    /// <param name="writer">Where and in which locale to write.</param>
    void Write(DealerDayReport report, ReportWriter writer);
}
