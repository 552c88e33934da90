using System.Text.Json;
using System.Text.Json.Serialization;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Json;

/// <summary>Levels are written as clauses.md writes them (MUST, SHOULD, COMPAT), not camelCase like other enums.</summary>
public sealed class ClauseLevelJsonConverter() : JsonStringEnumConverter<ClauseLevel>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false);
