using System.Text.Json;
using System.Text.Json.Serialization;
using ShopKernel.Analytics;

namespace ShopKernel.EntityFrameworkCore.Analytics;

/// <summary>The six fields of an <see cref="Acquisition"/> as stored, shared by every stored form that keeps them whole.</summary>
internal abstract class AcquisitionFields
{
    public string? Source { get; set; }

    public string? Medium { get; set; }

    public string? Campaign { get; set; }

    public string? ReferrerHost { get; set; }

    public string? LandingPath { get; set; }

    public string? HeardAbout { get; set; }

    /// <summary>Sets the fields to <paramref name="acquisition"/>'s.</summary>
    public void CopyFrom(Acquisition acquisition)
    {
        (Source, Medium, Campaign) = (acquisition.Source, acquisition.Medium, acquisition.Campaign);
        (ReferrerHost, LandingPath, HeardAbout) = (acquisition.ReferrerHost, acquisition.LandingPath, acquisition.HeardAbout);
    }

    /// <summary>The source the fields hold; <see langword="null"/> when none is known.</summary>
    public Acquisition? ToAcquisition() => Acquisition.Restore(Source, Medium, Campaign, ReferrerHost, LandingPath, HeardAbout);
}

/// <summary>The stored form of an <see cref="Acquisition"/> where it is one JSON value (the cart's <c>acquisition</c> column).</summary>
internal sealed class AcquisitionDocument : AcquisitionFields
{
    /// <summary>The document of <paramref name="acquisition"/>; <see langword="null"/> for none.</summary>
    public static string? Serialize(Acquisition? acquisition)
    {
        if (acquisition is null or { IsEmpty: true })
        {
            return null;
        }

        var document = new AcquisitionDocument();
        document.CopyFrom(acquisition);
        return JsonSerializer.Serialize(document, AcquisitionJsonContext.Default.AcquisitionDocument);
    }

    /// <summary>The source a stored document holds; <see langword="null"/> for none.</summary>
    public static Acquisition? Deserialize(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, AcquisitionJsonContext.Default.AcquisitionDocument)?.ToAcquisition();
}

/// <summary>Compile-time JSON serialization of acquisition documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcquisitionDocument))]
internal sealed partial class AcquisitionJsonContext : JsonSerializerContext;
