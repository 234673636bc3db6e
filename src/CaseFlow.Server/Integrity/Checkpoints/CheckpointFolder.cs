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
