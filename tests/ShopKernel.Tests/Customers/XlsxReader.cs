using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ShopKernel.Tests.Customers;

/// <summary>Reads an exported workbook back with the Open XML SDK, as a spreadsheet program would open it.</summary>
internal static class XlsxReader
{
    /// <summary>The cells of a sheet (the first by default) after the header, by column A–J; <see langword="null"/> for a missing cell.</summary>
    public static List<string?[]> Rows(byte[] workbook, int sheet = 0) => [.. Cells(workbook, sheet).Skip(1).Select(r => r.Select(c => c is null ? null : Text(c)).ToArray())];

    /// <summary>Every row of a sheet (the first by default, in the workbook's order), header included, by column A–J.</summary>
    public static List<Cell?[]> Cells(byte[] workbook, int sheet = 0)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var part = document.WorkbookPart!;
        var listed = part.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheet);
        var worksheet = ((WorksheetPart)part.GetPartById(listed.Id!.Value!)).Worksheet;
        return [.. worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row =>
        {
            var cells = new Cell?[10];
            foreach (var cell in row.Elements<Cell>())
            {
                cells[cell.CellReference!.Value![0] - 'A'] = (Cell)cell.CloneNode(true);
            }

            return cells;
        })];
    }

    /// <summary>What the SDK's validator finds wrong with the workbook (nothing, for a sound one), and its sheets' names in order.</summary>
    public static (List<string> Errors, List<string> SheetNames) Validate(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        return (errors, [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)]);
    }

    /// <summary>An inline string's text, or a value cell's value as written.</summary>
    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue!.Text;
}
