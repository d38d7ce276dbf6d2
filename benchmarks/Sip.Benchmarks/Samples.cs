namespace Sip.Benchmarks;

/// <summary>The sample messages every benchmark shares (see Samples/README.md).</summary>
public static class Samples
{
    public static readonly string[] Names = ["a", "b", "c", "rfc3665-invite", "longreq"];

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name + ".sip"));
}
