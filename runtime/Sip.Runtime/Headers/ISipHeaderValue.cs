using System;
using System.Buffers;
using Sip.Runtime.Message;

namespace Sip.Runtime.Headers;

/// <summary>
/// A typed header value: ranges into the message's octets, parsed on access (one value of a list header, or the whole
/// value of a single-valued one). The grammar's <c>;@value</c> hint names the type each header uses; the generated
/// <c>SipMessage</c> properties return them.
/// </summary>
public interface ISipHeaderValue<TSelf> where TSelf : struct, ISipHeaderValue<TSelf>
{
    /// <summary>
    /// Parses the value at <paramref name="value"/> in <paramref name="source"/> (LWS around it already trimmed).
    /// False when the value does not have the shape of its type; the result then still carries <see cref="Range"/>.
    /// </summary>
    static abstract bool TryParse(ReadOnlyMemory<byte> source, SipRange value, out TSelf result);

    /// <summary>False for a value that did not parse (or a default instance).</summary>
    bool IsValid { get; }

    /// <summary>Where the whole value is in the source.</summary>
    SipRange Range { get; }

    /// <summary>Writes the value in canonical form (no folding, no optional white space; separators as the RFC writes them).</summary>
    void WriteTo(IBufferWriter<byte> output);
}

/// <summary>Convenience entry points for every <see cref="ISipHeaderValue{TSelf}"/>.</summary>
public static class SipHeaderValue
{
    /// <summary>Parses a stand-alone value (e.g. the octets after "Via:"), LWS around it trimmed.</summary>
    public static bool TryParse<T>(ReadOnlyMemory<byte> value, out T result) where T : struct, ISipHeaderValue<T> =>
        T.TryParse(value, Octets.TrimLws(value.Span, 0, value.Length), out result);

    /// <summary>
    /// Parses the value at <paramref name="value"/> in <paramref name="source"/>: <see cref="OperationStatus.Done"/>,
    /// or <see cref="OperationStatus.InvalidData"/> when it does not have the shape of <typeparamref name="T"/> (the
    /// result then still carries its range). A header value is complete once framed, so there is no NeedMoreData.
    /// </summary>
    public static OperationStatus Parse<T>(ReadOnlyMemory<byte> source, SipRange value, out T result) where T : struct, ISipHeaderValue<T> =>
        T.TryParse(source, value, out result) ? OperationStatus.Done : OperationStatus.InvalidData;

    /// <summary>As <see cref="Parse{T}(ReadOnlyMemory{byte}, SipRange, out T)"/> for a stand-alone value, LWS around it trimmed.</summary>
    public static OperationStatus Parse<T>(ReadOnlyMemory<byte> value, out T result) where T : struct, ISipHeaderValue<T> =>
        Parse(value, Octets.TrimLws(value.Span, 0, value.Length), out result);
}

/// <summary>
/// Receives a typed header value from the generated <c>SipMessageHeaders.Visit</c> dispatch: code that handles every
/// header (a canonical writer, a JSON view, a validator) without knowing each header's type.
/// </summary>
public interface IHeaderValueVisitor
{
    /// <summary>Called with the parsed value (check <c>IsValid</c>).</summary>
    void Visit<T>(Sip.Generated.Grammar.HeaderKind kind, in T value) where T : struct, ISipHeaderValue<T>;
}
