using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseFlow.Import;

/// <summary>Reads one CSV export row by row, its header naming the columns (in any order; unknown ones are ignored).</summary>
public static class ExportFile
{
    public static IEnumerable<ImportRow> Read(string path, Func<CsvColumns, long, ImportRow> readRow)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader())
            yield break;
        while (csv.Read())
            yield return readRow(new CsvColumns(csv), csv.Parser.RawRow);
    }
}
