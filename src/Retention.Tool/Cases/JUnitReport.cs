using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace Retention.Tool.Cases;

/// <summary>How one test case of a JUnit report ended.</summary>
internal enum JUnitOutcome
{
    /// <summary>Every check held.</summary>
    Passed,

    /// <summary>A check did not hold: a <c>failure</c> element.</summary>
    Failed,

    /// <summary>The case could not be run (a bad row): an <c>error</c> element.</summary>
    Error,
}

/// <summary>One <c>testcase</c> element.</summary>
/// <param name="Name">The test's name (the case's name).</param>
/// <param name="ClassName">The <c>classname</c> attribute: the suite the CI system groups the test under.</param>
/// <param name="Line">The line in <see cref="JUnitSuite.File"/>, or 0.</param>
/// <param name="Seconds">How long it took.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">The failure's or error's one-line message; empty when passed.</param>
/// <param name="Type">The failure's or error's type; empty when passed.</param>
/// <param name="Details">The failure's or error's text (the "why"); empty when passed.</param>
internal sealed record JUnitCase(string Name, string ClassName, int Line, double Seconds, JUnitOutcome Outcome, string Message, string Type, string Details);

/// <summary>One <c>testsuite</c> element.</summary>
/// <param name="Name">The suite's name.</param>
/// <param name="File">The file the tests come from (the <c>file</c> attribute of each test case).</param>
/// <param name="Properties">The suite's properties (settings file, section, as-of date, locale).</param>
/// <param name="Cases">The test cases, in file order.</param>
/// <param name="Seconds">How long the suite took.</param>
internal sealed record JUnitSuite(string Name, string File, IReadOnlyList<KeyValuePair<string, string>> Properties, IReadOnlyList<JUnitCase> Cases, double Seconds);

/// <summary>
/// Writes a JUnit XML report (<c>testsuites</c> / <c>testsuite</c> / <c>testcase</c> with <c>failure</c> and <c>error</c>
/// elements), the format GitLab, Jenkins, Azure DevOps and the GitHub test reporters read.
/// </summary>
internal static class JUnitReport
{
    /// <summary>Writes the report, creating the folder when needed.</summary>
    /// <param name="path">The report file.</param>
    /// <param name="suite">The one suite.</param>
    /// <exception cref="ToolUsageException">The file cannot be written.</exception>
    public static void Write(string path, JUnitSuite suite)
    {
        try
        {
            string full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using var writer = XmlWriter.Create(full, settings);
            Write(writer, suite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ToolUsageException($"cannot write the JUnit report {path}: {e.Message}");
        }
    }

    /// <summary>Writes the report to an XML writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="suite">The one suite.</param>
    public static void Write(XmlWriter writer, JUnitSuite suite)
    {
        int failures = suite.Cases.Count(c => c.Outcome == JUnitOutcome.Failed);
        int errors = suite.Cases.Count(c => c.Outcome == JUnitOutcome.Error);
        string tests = suite.Cases.Count.ToString(CultureInfo.InvariantCulture);
        string time = Seconds(suite.Seconds);

        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        writer.WriteAttributeString("name", "retention test");
        writer.WriteAttributeString("tests", tests);
        writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("skipped", "0");
        writer.WriteAttributeString("time", time);

        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", Clean(suite.Name));
        writer.WriteAttributeString("tests", tests);
        writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("skipped", "0");
        writer.WriteAttributeString("time", time);

        writer.WriteStartElement("properties");
        foreach (var (name, value) in suite.Properties)
        {
            writer.WriteStartElement("property");
            writer.WriteAttributeString("name", Clean(name));
            writer.WriteAttributeString("value", Clean(value));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        foreach (var c in suite.Cases)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("name", Clean(c.Name));
            writer.WriteAttributeString("classname", Clean(c.ClassName));
            writer.WriteAttributeString("file", Clean(suite.File));
            if (c.Line > 0)
            {
                writer.WriteAttributeString("line", c.Line.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteAttributeString("time", Seconds(c.Seconds));
            if (c.Outcome != JUnitOutcome.Passed)
            {
                writer.WriteStartElement(c.Outcome == JUnitOutcome.Failed ? "failure" : "error");
                writer.WriteAttributeString("message", Clean(c.Message));
                writer.WriteAttributeString("type", Clean(c.Type));
                writer.WriteString(Clean(c.Details));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static string Seconds(double seconds) => Math.Max(seconds, 0).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Replaces characters XML 1.0 cannot hold (control characters from a cell, a lone surrogate) with U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                sb?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
        }

        return sb?.ToString() ?? text;
    }
}
