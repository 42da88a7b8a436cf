using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramOps.Web.Features.Cohorts.Imports;

internal static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
