using System;

namespace Sip.Generator.Model
{
    /// <summary>A position in an <c>.abnf</c> file: 1-based line and column, as printed in build output.</summary>
    public readonly record struct SourcePosition(string Path, int Line, int Column)
    {
        public override string ToString() => $"{Path}({Line},{Column})";
    }

    public enum Severity
    {
        Hidden,
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// A grammar diagnostic as plain data. It travels through the pipeline and is
    /// turned into a Roslyn <c>Diagnostic</c> only at output, so the model never
    /// holds a <c>Location</c>.
    /// </summary>
    public sealed record DiagnosticInfo(string Id, Severity Severity, string Message, SourcePosition Position, int Length)
        : IComparable<DiagnosticInfo>
    {
        public int CompareTo(DiagnosticInfo? other)
        {
            if (other is null) return 1;
            int c = string.CompareOrdinal(Position.Path, other.Position.Path);
            if (c != 0) return c;
            c = Position.Line.CompareTo(other.Position.Line);
            if (c != 0) return c;
            c = Position.Column.CompareTo(other.Position.Column);
            return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
        }

        public override string ToString() => $"{Position}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}
