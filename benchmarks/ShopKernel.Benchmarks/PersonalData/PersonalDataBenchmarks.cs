using BenchmarkDotNet.Attributes;
using ShopKernel.PersonalData;

namespace ShopKernel.Benchmarks.PersonalData;

/// <summary>
/// What sealing costs, in memory: a data key made (random key, wrapped by the key-encryption key) and opened
/// (unwrapped), a contact sealed and opened with an open key, and a blind index.
/// </summary>
[MemoryDiagnoser]
public class PersonalDataBenchmarks
{
    private static readonly Guid Subject = Guid.CreateVersion7();
    private readonly PersonalDataProtector _protector = BenchPersonalDataKeys.Protector;
    private DataKey _key = null!;
    private string _sealed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = _protector.CreateDataKey(Subject);
        _sealed = _key.Seal("customer.email", "ada.lovelace@example.com")!;
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Description = "make a data key (random, wrapped)")]
    public string CreateKey()
    {
        using var key = _protector.CreateDataKey(Subject);
        return key.KeyId;
    }

    [Benchmark(Description = "open a data key (unwrap)")]
    public string OpenKey()
    {
        using var key = _protector.OpenDataKey(Subject, _key.KeyId, _key.Wrapped);
        return key.KeyId;
    }

    [Benchmark(Description = "seal a 24-character value")]
    public string? Seal() => _key.Seal("customer.email", "ada.lovelace@example.com");

    [Benchmark(Description = "open a 24-character value")]
    public string? Open() => _key.Open("customer.email", _sealed);

    [Benchmark(Description = "open a data key, then one value with it")]
    public string? OpenKeyAndValue()
    {
        using var key = _protector.OpenDataKey(Subject, _key.KeyId, _key.Wrapped);
        return key.Open("customer.email", _sealed);
    }

    [Benchmark(Description = "blind index of an e-mail address")]
    public string Index() => _protector.Index(BlindIndexKind.Email, "ada.lovelace@example.com");
}
