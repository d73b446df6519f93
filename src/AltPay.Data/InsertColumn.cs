using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace AltPay.Data;

/// <summary>How a column's value is stored in SQLite, after the model's value converter.</summary>
internal enum StoredAs
{
    Integer,
    Real,
    Text,
    Guid,
    Decimal,
    Date,
    Blob,
}

/// <summary>One column of a bulk insert: how to read the property and how SQLite stores the value.</summary>
internal sealed record InsertColumn(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, StoredAs StoredAs)
{
    public static InsertColumn For(IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var stored = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;

        var storedAs = stored switch
        {
            _ when stored == typeof(long) || stored == typeof(int) || stored == typeof(short) || stored == typeof(byte) || stored == typeof(bool) => StoredAs.Integer,
            _ when stored == typeof(double) || stored == typeof(float) => StoredAs.Real,
            _ when stored == typeof(string) => StoredAs.Text,
            _ when stored == typeof(Guid) => StoredAs.Guid,
            _ when stored == typeof(decimal) => StoredAs.Decimal,
            _ when stored == typeof(DateOnly) => StoredAs.Date,
            _ when stored == typeof(byte[]) => StoredAs.Blob,
            _ => throw new NotSupportedException(
                $"Bulk insert cannot store {property.DeclaringType.DisplayName()}.{property.Name} of type {stored.Name}. Add the type to {nameof(InsertColumn)} or save the rows with SaveChanges."),
        };

        return new InsertColumn(property.Name, property.GetGetter(), converter, storedAs);
    }
}

/// <summary>
/// Binds column values to a prepared statement by position, in the text forms Microsoft.Data.Sqlite
/// uses for the same types: upper-case GUIDs, invariant decimals and ISO dates. Text goes through one
/// reused UTF-8 buffer; SQLite copies each value as it is bound.
/// </summary>
internal sealed class ColumnBinder(sqlite3_stmt statement)
{
    private const string DecimalFormat = "0.0###########################";

    private byte[] _buffer = new byte[256];

    public void Bind(int position, InsertColumn column, object row)
    {
        var value = column.Getter.GetClrValue(row);
        if (value is not null && column.Converter is not null)
        {
            value = column.Converter.ConvertToProvider(value);
        }

        if (value is null)
        {
            raw.sqlite3_bind_null(statement, position);
            return;
        }

        switch (column.StoredAs)
        {
            case StoredAs.Integer:
                raw.sqlite3_bind_int64(statement, position, ToInteger(value));
                break;
            case StoredAs.Real:
                raw.sqlite3_bind_double(statement, position, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case StoredAs.Text:
                BindText(position, (string)value);
                break;
            case StoredAs.Guid:
                BindGuid(position, (Guid)value);
                break;
            case StoredAs.Decimal:
                BindText(position, ((decimal)value).ToString(DecimalFormat, CultureInfo.InvariantCulture));
                break;
            case StoredAs.Date:
                BindText(position, ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case StoredAs.Blob:
                raw.sqlite3_bind_blob(statement, position, (byte[])value);
                break;
        }
    }

    private static long ToInteger(object value)
    {
        if (value is bool flag)
        {
            return flag ? 1 : 0;
        }

        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private void BindText(int position, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _buffer.Length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, _buffer);
        raw.sqlite3_bind_text(statement, position, _buffer.AsSpan(0, written));
    }

    private void BindGuid(int position, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        Utf8Formatter.TryFormat(value, text, out _, 'D');

        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] is >= (byte)'a' and <= (byte)'f')
            {
                text[index] -= 'a' - 'A';
            }
        }

        raw.sqlite3_bind_text(statement, position, text);
    }
}
