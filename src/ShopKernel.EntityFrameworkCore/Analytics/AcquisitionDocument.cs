using System.Text.Json;
using System.Text.Json.Serialization;
using ShopKernel.Analytics;

namespace ShopKernel.EntityFrameworkCore.Analytics;

/// <summary>The stored form of an <see cref="Acquisition"/> where it is one JSON value (the cart's <c>acquisition</c> column).</summary>
internal sealed class AcquisitionDocument
{
    public string? Source { get; set; }

    public string? Medium { get; set; }

    public string? Campaign { get; set; }

    public string? ReferrerHost { get; set; }

    public string? LandingPath { get; set; }

    public string? HeardAbout { get; set; }

    /// <summary>The document of <paramref name="acquisition"/>; <see langword="null"/> for none.</summary>
    public static string? Serialize(Acquisition? acquisition) => acquisition is null or { IsEmpty: true } ? null : JsonSerializer.Serialize(
        new AcquisitionDocument
        {
            Source = acquisition.Source,
            Medium = acquisition.Medium,
            Campaign = acquisition.Campaign,
            ReferrerHost = acquisition.ReferrerHost,
            LandingPath = acquisition.LandingPath,
            HeardAbout = acquisition.HeardAbout,
        },
        AcquisitionJsonContext.Default.AcquisitionDocument);

    /// <summary>The source a stored document holds; <see langword="null"/> for none.</summary>
    public static Acquisition? Deserialize(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var d = JsonSerializer.Deserialize(json, AcquisitionJsonContext.Default.AcquisitionDocument);
        return d is null ? null : Acquisition.Restore(d.Source, d.Medium, d.Campaign, d.ReferrerHost, d.LandingPath, d.HeardAbout);
    }
}

/// <summary>Compile-time JSON serialization of acquisition documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcquisitionDocument))]
internal sealed partial class AcquisitionJsonContext : JsonSerializerContext;
