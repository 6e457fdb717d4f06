using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ShopKernel.Customers;

/// <summary>
/// Writes customer summaries as an XLSX workbook (a sheet <c>Customers</c>, and more when one is full), streamed: the sheet's XML is written
/// element by element with <see cref="OpenXmlWriter"/> into a ZIP entry as rows arrive, and the archive reaches the
/// stream in chunks (<see cref="ArchiveBuffer"/>). The SDK's own package layer is not used for writing: on .NET it
/// holds a part in memory until the package is closed, which a sheet of a million rows would not fit.
/// </summary>
internal static class CustomerXlsx
{
    /// <summary>The first sheet's name.</summary>
    public const string FirstSheetName = "Customers";

    private const int DrainBytes = 64 * 1024;

    /// <summary>The cell formats of styles.xml: 0 general, 1 a date, 2 a date and time, 3 a bold header.</summary>
    private const uint DateStyle = 1, DateTimeStyle = 2, HeaderStyle = 3;

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    private static readonly double[] Widths = [38, 34, 18, 16, 18, 12, 20, 12, 20, 26];

    /// <summary>The earliest day a spreadsheet's serial dates count right from (before it, the 1900 leap-year bug); earlier ones are written as text.</summary>
    private static readonly DateTime FirstSerialDay = new(1900, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime SerialEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The most customers one sheet holds: a spreadsheet's 1,048,576 rows less the header.</summary>
    public const int MaxRowsPerSheet = 1_048_575;

    /// <summary>
    /// Writes the header and every summary, on further sheets (<c>Customers 2</c>, …) past <paramref name="rowsPerSheet"/>
    /// customers; the stream stays open.
    /// </summary>
    /// <returns>How many rows were written after the headers.</returns>
    public static async Task<long> WriteAsync(IAsyncEnumerable<CustomerSummary> customers, Stream stream, CancellationToken cancellationToken, int rowsPerSheet = MaxRowsPerSheet)
    {
        long count = 0;
        var sheets = 0;
        using var buffer = new ArchiveBuffer();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Stream? part = null;
            OpenXmlWriter? sheet = null;
            try
            {
                await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    var row = (int)(count % rowsPerSheet);
                    if (sheet is null || row == 0)
                    {
                        EndSheet(sheet, part);
                        (part, sheet) = StartSheet(archive, ++sheets);
                    }

                    count++;
                    WriteRow(sheet, (uint)row + 2, customer);
                    if (buffer.Pending >= DrainBytes)
                    {
                        await buffer.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (sheet is null)
                {
                    (part, sheet) = StartSheet(archive, ++sheets);
                }

                EndSheet(sheet, part);
                (part, sheet) = (null, null);
            }
            finally
            {
                sheet?.Dispose();
                part?.Dispose();
            }

            // The parts that list the sheets come last, when their number is known; a package's parts may be in any order.
            WriteFixedParts(archive, sheets);
        }

        await buffer.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>The name of the <paramref name="number"/>th sheet: <c>Customers</c>, then <c>Customers 2</c>, ….</summary>
    public static string SheetName(int number) => number == 1 ? FirstSheetName : string.Create(CultureInfo.InvariantCulture, $"{FirstSheetName} {number}");

    private static (Stream Part, OpenXmlWriter Sheet) StartSheet(ZipArchive archive, int number)
    {
        var part = archive.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{number}.xml"), CompressionLevel.Fastest).Open();
        var sheet = OpenXmlWriter.Create(part, Encoding.UTF8);
        sheet.WriteStartElement(new Worksheet());
        sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        sheet.WriteElement(new Columns(Widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        sheet.WriteStartElement(new SheetData());
        sheet.WriteStartElement(new Row { RowIndex = 1 });
        for (var i = 0; i < CustomerCsv.Header.Count; i++)
        {
            sheet.WriteElement(Text(Columns[i], 1, CustomerCsv.Header[i], HeaderStyle));
        }

        sheet.WriteEndElement();
        return (part, sheet);
    }

    private static void EndSheet(OpenXmlWriter? sheet, Stream? part)
    {
        if (sheet is null)
        {
            return;
        }

        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.Dispose();
        part?.Dispose();
    }

    private static void WriteRow(OpenXmlWriter sheet, uint row, CustomerSummary customer)
    {
        sheet.WriteStartElement(new Row { RowIndex = row });
        sheet.WriteElement(Text("A", row, customer.Id.ToString()));
        WriteText(sheet, "B", row, customer.Email);
        WriteText(sheet, "C", row, customer.Phone);
        WriteText(sheet, "D", row, customer.FirstName);
        WriteText(sheet, "E", row, customer.LastName);
        if (customer.Birthday is { } birthday)
        {
            var day = birthday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            sheet.WriteElement(day >= FirstSerialDay
                ? Number("F", row, (day - SerialEpoch).Days.ToString(CultureInfo.InvariantCulture), DateStyle)
                : Text("F", row, birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        sheet.WriteElement(Instant("G", row, customer.CreatedAt));
        sheet.WriteElement(Number("H", row, customer.OrderCount.ToString(CultureInfo.InvariantCulture)));
        if (customer.LastOrderAt is { } last)
        {
            sheet.WriteElement(Instant("I", row, last));
        }

        WriteText(sheet, "J", row, CustomerCsv.Spend(customer.LifetimeSpend));
        sheet.WriteEndElement();
    }

    /// <summary>A text cell, left out when there is no text (the cell references keep the columns).</summary>
    private static void WriteText(OpenXmlWriter sheet, string column, uint row, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            sheet.WriteElement(Text(column, row, text));
        }
    }

    /// <summary>An inline string: text as it is, never a formula, whatever it starts with.</summary>
    private static Cell Text(string column, uint row, string text, uint style = 0)
    {
        var value = new Text(XmlSafe(text));
        if (value.Text.Length > 0 && (char.IsWhiteSpace(value.Text[0]) || char.IsWhiteSpace(value.Text[^1]) || value.Text.Contains('\n', StringComparison.Ordinal)))
        {
            value.Space = SpaceProcessingModeValues.Preserve;
        }

        var cell = new Cell(new InlineString(value)) { CellReference = column + row.ToString(CultureInfo.InvariantCulture), DataType = CellValues.InlineString };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }

        return cell;
    }

    private static Cell Number(string column, uint row, string value, uint style = 0)
    {
        var cell = new Cell(new CellValue(value)) { CellReference = column + row.ToString(CultureInfo.InvariantCulture) };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }

        return cell;
    }

    /// <summary>A date-time in UTC to the millisecond, as a serial number (ISO text before 1 March 1900).</summary>
    private static Cell Instant(string column, uint row, DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        if (utc < FirstSerialDay)
        {
            return Text(column, row, CustomerCsv.Instant(instant));
        }

        var serial = Math.Round((utc - SerialEpoch).TotalMilliseconds) / TimeSpan.FromDays(1).TotalMilliseconds;
        return Number(column, row, serial.ToString("R", CultureInfo.InvariantCulture), DateTimeStyle);
    }

    /// <summary>The text with every character XML cannot carry (C0 controls, lone surrogates) replaced by U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        var index = XmlInvalidAt(text, 0);
        if (index < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        var start = 0;
        while (index >= 0)
        {
            safe.Append(text, start, index - start).Append('\uFFFD');
            start = index + 1;
            index = XmlInvalidAt(text, start);
        }

        return safe.Append(text, start, text.Length - start).ToString();
    }

    private static int XmlInvalidAt(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The package's small parts: content types, relationships, the workbook and its styles.</summary>
    private static void WriteFixedParts(ZipArchive archive, int sheets)
    {
        var numbers = Enumerable.Range(1, sheets).ToList();
        WriteXml(archive, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        WriteXml(archive, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WriteXml(archive, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{string.Concat(numbers.Select(n => $"""<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"""))}</Relationships>
            """);
        using (var part = archive.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        {
            new Workbook(new Sheets(numbers.Select(n => new Sheet { Name = SheetName(n), SheetId = (uint)n, Id = "rId" + n.ToString(CultureInfo.InvariantCulture) }))).Save(part);
        }

        using (var part = archive.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open())
        {
            new Stylesheet(
                new NumberingFormats(
                    new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                    new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" })
                { Count = 2 },
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                    new CellFormat { FontId = 1, ApplyFont = true })
                { Count = 4 }).Save(part);
        }
    }

    private static void WriteXml(ZipArchive archive, string name, string xml)
    {
        using var part = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(Encoding.UTF8.GetBytes(xml));
    }
}
