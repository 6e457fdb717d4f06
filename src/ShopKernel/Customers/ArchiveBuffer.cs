namespace ShopKernel.Customers;

/// <summary>
/// Where a streamed archive is written to, synchronously as <see cref="System.IO.Compression.ZipArchive"/> writes:
/// a write-only, unseekable buffer that <see cref="DrainAsync"/> empties into the real stream asynchronously, so that
/// an export never writes synchronously to a stream that may refuse it (an HTTP response body) and holds no more
/// than what was written since the last drain.
/// </summary>
internal sealed class ArchiveBuffer : Stream
{
    private readonly MemoryStream _pending = new();

    /// <summary>How many bytes wait to be drained.</summary>
    public long Pending => _pending.Length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Writes what is pending to <paramref name="target"/> and starts over.</summary>
    public async Task DrainAsync(Stream target, CancellationToken cancellationToken)
    {
        if (_pending.Length > 0)
        {
            await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
            _pending.SetLength(0);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void WriteByte(byte value) => _pending.WriteByte(value);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
