using ShopKernel.DependencyInjection;

namespace ShopKernel.Analytics;

/// <summary>The rules of <see cref="AcquisitionOptions"/>: every configured answer code well formed, none twice.</summary>
internal sealed class AcquisitionOptionsRules : OptionsRules<AcquisitionOptions>
{
    protected override string Path => "ShopKernel:Acquisition";

    protected override AcquisitionOptions? Section(ShopKernelOptions options) => options.Acquisition;

    protected override void Check(AcquisitionOptions section, ShopKernelOptions options, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in section.HeardAboutCodes)
        {
            if (!Acquisition.IsAnswerCode(code))
            {
                failures.Add($"{Path}:HeardAboutCodes must hold codes of 1 to {Acquisition.MaxHeardAboutLength} lower-case letters, digits, '_', '.' or '-' (was '{code}').");
            }
            else if (!seen.Add(code))
            {
                failures.Add($"{Path}:HeardAboutCodes names '{code}' twice.");
            }
        }
    }
}
