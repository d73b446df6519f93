using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace AltPay.Data;

/// <summary>
/// One column of a bulk insert, compiled from the EF Core model to read the property, apply its
/// value converter and bind the result, without boxing the value on the way.
/// </summary>
internal sealed class InsertColumn(Action<object, ColumnBinder, int> bind)
{
    public void Bind(object row, ColumnBinder binder, int position) => bind(row, binder, position);

    public static InsertColumn For(IProperty property)
    {
        var member = (MemberInfo?)property.PropertyInfo ?? property.FieldInfo
            ?? throw new NotSupportedException($"Bulk insert cannot read the shadow property {property.DeclaringType.DisplayName()}.{property.Name}.");

        var row = Expression.Parameter(typeof(object), "row");
        var binder = Expression.Parameter(typeof(ColumnBinder), "binder");
        var position = Expression.Parameter(typeof(int), "position");

        var value = Expression.Variable(property.ClrType, "value");
        var read = Expression.Assign(value, Expression.MakeMemberAccess(Expression.Convert(row, member.DeclaringType!), member));

        var underlying = Nullable.GetUnderlyingType(property.ClrType);
        Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null)
        {
            present = Expression.Invoke(converter.ConvertToProviderExpression, present);
        }

        var bindMethod = BindMethodFor(property, present.Type);
        var bound = bindMethod.GetParameters()[1].ParameterType;
        if (present.Type != bound)
        {
            present = Expression.Convert(present, bound);
        }

        var bindValue = Expression.Call(binder, bindMethod, position, present);
        var bindNull = Expression.Call(binder, nameof(ColumnBinder.BindNull), null, position);
        Expression body = property.ClrType.IsValueType && underlying is null
            ? bindValue
            : Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null, property.ClrType)), bindNull, bindValue);

        var lambda = Expression.Lambda<Action<object, ColumnBinder, int>>(Expression.Block([value], read, body), row, binder, position);
        return new InsertColumn(lambda.Compile());
    }

    private static MethodInfo BindMethodFor(IProperty property, Type stored)
    {
        var name = stored switch
        {
            _ when stored == typeof(long) || stored == typeof(int) || stored == typeof(short) || stored == typeof(byte) => nameof(ColumnBinder.BindInteger),
            _ when stored == typeof(bool) => nameof(ColumnBinder.BindBoolean),
            _ when stored == typeof(double) || stored == typeof(float) => nameof(ColumnBinder.BindReal),
            _ when stored == typeof(string) => nameof(ColumnBinder.BindText),
            _ when stored == typeof(Guid) => nameof(ColumnBinder.BindGuid),
            _ when stored == typeof(decimal) => nameof(ColumnBinder.BindDecimal),
            _ when stored == typeof(DateOnly) => nameof(ColumnBinder.BindDate),
            _ when stored == typeof(byte[]) => nameof(ColumnBinder.BindBlob),
            _ => throw new NotSupportedException(
                $"Bulk insert cannot store {property.DeclaringType.DisplayName()}.{property.Name} of type {stored.Name}. Add the type to {nameof(ColumnBinder)} or save the rows with SaveChanges."),
        };

        var parameter = stored == typeof(int) || stored == typeof(short) || stored == typeof(byte) ? typeof(long) : stored == typeof(float) ? typeof(double) : stored;
        return typeof(ColumnBinder).GetMethod(name, [typeof(int), parameter])!;
    }
}

/// <summary>
/// Binds values to a prepared statement by position, in the forms Microsoft.Data.Sqlite uses for the
/// same types: upper-case GUIDs, invariant decimals and ISO dates as text, booleans as 0 or 1. Text
/// goes through one reused UTF-8 buffer; SQLite copies each value as it is bound.
/// </summary>
internal sealed class ColumnBinder(sqlite3_stmt statement)
{
    private const string DecimalFormat = "0.0###########################";

    private byte[] _buffer = new byte[256];

    public void BindNull(int position) => raw.sqlite3_bind_null(statement, position);

    public void BindInteger(int position, long value) => raw.sqlite3_bind_int64(statement, position, value);

    public void BindBoolean(int position, bool value) => raw.sqlite3_bind_int64(statement, position, value ? 1 : 0);

    public void BindReal(int position, double value) => raw.sqlite3_bind_double(statement, position, value);

    public void BindDecimal(int position, decimal value) => BindText(position, value.ToString(DecimalFormat, CultureInfo.InvariantCulture));

    public void BindDate(int position, DateOnly value) => BindText(position, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void BindBlob(int position, byte[] value) => raw.sqlite3_bind_blob(statement, position, value);

    public void BindText(int position, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _buffer.Length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, _buffer);
        raw.sqlite3_bind_text(statement, position, _buffer.AsSpan(0, written));
    }

    public void BindGuid(int position, Guid value)
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
