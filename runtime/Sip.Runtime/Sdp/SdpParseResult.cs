using System.Buffers;

namespace Sip.Runtime.Sdp;

/// <summary>
/// The outcome of parsing a session description: <see cref="OperationStatus.Done"/>, or
/// <see cref="OperationStatus.InvalidData"/> with the <see cref="Error"/> naming the line. Never an exception.
/// </summary>
public readonly struct SdpParseResult
{
    internal SdpParseResult(OperationStatus status, SdpError error, SdpTolerances tolerated)
    {
        Status = status;
        Error = error;
        Tolerated = tolerated;
    }

    /// <summary><see cref="OperationStatus.Done"/> or <see cref="OperationStatus.InvalidData"/>.</summary>
    public OperationStatus Status { get; }

    /// <summary>Why the input was rejected (<see cref="SdpErrorKind.None"/> when it was not).</summary>
    public SdpError Error { get; }

    /// <summary>The departures from the grammar that were accepted (each one a strict parse would reject).</summary>
    public SdpTolerances Tolerated { get; }

    /// <summary>True when the input was accepted.</summary>
    public bool IsDone => Status == OperationStatus.Done;

    /// <summary><c>Done</c>, or <c>InvalidData: </c> and the error.</summary>
    public override string ToString() => IsDone ? "Done" : $"InvalidData: {Error}";
}
