using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseFlow.Import;

/// <summary>Reads one CSV export row by row, its header naming the columns (in any order; unknown ones are ignored).</summary>
public static class ExportFile
{
    /// <param name="readRow">Makes a row of the columns, its line, the file's name and the agency's ORI.</param>
    public static IEnumerable<ImportRow> Read(string path, string ori, Func<CsvColumns, long, string, string, ImportRow> readRow)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader())
            yield break;
        while (csv.Read())
            yield return readRow(new CsvColumns(csv), csv.Parser.RawRow, Path.GetFileName(path), ori);
    }
}
