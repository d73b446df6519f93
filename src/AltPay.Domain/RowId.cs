namespace AltPay.Domain;

/// <summary>
/// Makes row ids in the layout of version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then
/// random bits. Rows made together get ids close together, so inserts land at the end of each
/// index instead of across it. The random bits come from <see cref="Random.Shared"/> rather than
/// the operating system's generator that <see cref="Guid.CreateVersion7(DateTimeOffset)"/> calls per
/// id, which costs more than the insert on a first import: ids are keys, never secrets, and 74
/// random bits per millisecond keep them unique.
/// </summary>
public static class RowId
{
    public static Guid New(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(at));

        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);

        for (var index = 0; index < 6; index++)
        {
            bytes[index] = (byte)(milliseconds >> (8 * (5 - index)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
