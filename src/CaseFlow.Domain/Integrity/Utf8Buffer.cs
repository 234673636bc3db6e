using System.Buffers;

namespace CaseFlow.Domain.Integrity;

/// <summary>A growable UTF-8 buffer on pooled arrays: the canonical text is built and hashed without a string per part.</summary>
internal sealed class Utf8Buffer : IDisposable
{
    private byte[] _bytes;

    public Utf8Buffer(int capacity) => _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Append(byte value)
    {
        if (Length == _bytes.Length)
            Grow(1);
        _bytes[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> values)
    {
        if (Length + values.Length > _bytes.Length)
            Grow(values.Length);
        values.CopyTo(_bytes.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>Room for at least <paramref name="size"/> more bytes, to be committed with <see cref="Advance"/>.</summary>
    public Span<byte> Reserve(int size)
    {
        if (Length + size > _bytes.Length)
            Grow(size);
        return _bytes.AsSpan(Length, size);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Forgets everything from <paramref name="length"/> on.</summary>
    public void Truncate(int length) => Length = length;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + needed));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
