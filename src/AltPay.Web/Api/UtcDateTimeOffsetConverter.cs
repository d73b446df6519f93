using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltPay.Web.Api;

/// <summary>Writes times as ISO 8601 in UTC with a Z suffix, as the API promises, whatever offset they carry.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
