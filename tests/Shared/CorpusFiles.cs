using System.Text;

namespace Sip.Tests.Shared;

/// <summary>tests/corpus, which every test project copies next to its assembly as <c>corpus/</c> (linked into each project).</summary>
internal static class CorpusFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "corpus");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    /// <summary>Rows of <c>folder/MANIFEST.tsv</c>, keyed by the header row's column names.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Manifest(string folder)
    {
        string[] lines = File.ReadAllLines(PathOf(folder, "MANIFEST.tsv"), Encoding.UTF8);
        string[] columns = lines[0].Split('\t');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            string[] cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Length; i++) row[columns[i]] = i < cells.Length ? cells[i] : "";
            rows.Add(row);
        }
        return rows;
    }
}
