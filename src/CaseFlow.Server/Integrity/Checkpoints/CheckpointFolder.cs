using System.Globalization;
using System.Text;
using System.Text.Json;
using CaseFlow.Domain.Integrity;

namespace CaseFlow.Server.Integrity.Checkpoints;

/// <summary>
/// The checkpoints as files, one per checkpoint, <c>{number:D10}.checkpoint.json</c>:
/// <c>{"checkpoint": header, "signature": "...", "segment": [[seq, "stream", version, "hash"], ...]}</c>, the header in
/// its canonical form (docs/events.md). A file is written under another name and renamed, so none is ever half there.
/// </summary>
public sealed class CheckpointFolder(string path)
{
    private const string Suffix = ".checkpoint.json";
    private const string SetAsidePrefix = "set-aside-";

    public string Path => path;

    /// <summary>The checkpoints numbered above <paramref name="afterNumber"/>, in order.</summary>
    public IReadOnlyList<SignedCheckpoint> Read(long afterNumber = 0) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*" + Suffix)
                .Select(file => (File: file, Number: long.TryParse(System.IO.Path.GetFileName(file)[..^Suffix.Length], CultureInfo.InvariantCulture, out var n) ? n : -1))
                .Where(f => f.Number > afterNumber)
                .OrderBy(f => f.Number)
                .Select(f => Parse(File.ReadAllBytes(f.File)))
                .ToList()
            : [];

    public void Write(SignedCheckpoint checkpoint)
    {
        var final = System.IO.Path.Combine(path, checkpoint.Header.Number.ToString("D10", CultureInfo.InvariantCulture) + Suffix);
        var temporary = final + ".partial";
        var text = new StringBuilder("{\"checkpoint\":").Append(checkpoint.Header.Canonical())
            .Append(",\"signature\":").Append(CanonicalJson.String(checkpoint.Signature))
            .Append(",\"segment\":[").AppendJoin(",\n", checkpoint.Segment.Select(e => e.Canonical())).Append("]}\n");
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, final, overwrite: false);
    }

    /// <summary>
    /// Moves the checkpoints <paramref name="numbers"/> out of the chain into a new <c>set-aside-{UTC time}</c>
    /// subfolder (kept as evidence, never read by signing or verification) and answers its path.
    /// </summary>
    public string SetAside(IReadOnlyCollection<long> numbers, DateTimeOffset now)
    {
        var aside = System.IO.Path.Combine(path, SetAsidePrefix + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(aside);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var number in numbers)
        {
            var name = number.ToString("D10", CultureInfo.InvariantCulture) + Suffix;
            File.Move(System.IO.Path.Combine(path, name), System.IO.Path.Combine(aside, name));
        }

        return aside;
    }

    /// <summary>How many checkpoints earlier restores set aside, over all <c>set-aside-*</c> subfolders.</summary>
    public int SetAsideCount() =>
        Directory.Exists(path)
            ? Directory.EnumerateDirectories(path, SetAsidePrefix + "*").Sum(d => Directory.EnumerateFiles(d, "*" + Suffix).Count())
            : 0;

    public static SignedCheckpoint Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new SignedCheckpoint(HeaderOf(root.GetProperty("checkpoint")), root.GetProperty("signature").GetString()!,
            root.GetProperty("segment").EnumerateArray().Select(e => new SegmentEntry(
                e[0].GetInt64(), e[1].GetGuid(), e[2].GetInt64(), e[3].GetString()!)).ToList());
    }

    public static CheckpointHeader HeaderOf(JsonElement h)
    {
        if (h.GetProperty("format").GetString() != CheckpointHeader.Format)
            throw new JsonException($"Not a {CheckpointHeader.Format} checkpoint.");
        return new CheckpointHeader(
            h.GetProperty("number").GetInt64(), h.GetProperty("previous").GetString()!, h.GetProperty("signedAt").GetString()!,
            h.GetProperty("afterSequence").GetInt64(), h.GetProperty("throughSequence").GetInt64(), h.GetProperty("events").GetInt64(),
            h.GetProperty("segmentDigest").GetString()!, h.GetProperty("streams").GetInt64(), h.GetProperty("merkleRoot").GetString()!,
            h.GetProperty("keyId").GetString()!);
    }
}
