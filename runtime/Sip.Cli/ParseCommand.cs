using System.Buffers;
using System.CommandLine;
using System.Text;
using Sip.Runtime.Message;
using Sip.Runtime.Serialization;

namespace Sip.Cli;

/// <summary>
/// <c>sip parse [--strict] [--stream] [--json] [--canonical] FILE...</c>: frames, indexes and checks each
/// file as one SIP message. One line per file: <c>FILE&lt;TAB&gt;accept&lt;TAB&gt;request INVITE</c>,
/// <c>FILE&lt;TAB&gt;accept&lt;TAB&gt;response 200</c> or <c>FILE&lt;TAB&gt;reject CODE&lt;TAB&gt;reason</c>.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Message files; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be taken for a file name: make it a usage error (exit 2).
        files.Validators.Add(result =>
        {
            foreach (string token in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (token.Length > 1 && token[0] == '-') result.AddError($"unknown option '{token}'");
            }
        });
        var strict = new Option<bool>("--strict") { Description = "Validate the start line and every known header against the grammar." };
        var stream = new Option<bool>("--stream") { Description = "Frame as a stream (Content-Length required) instead of a datagram." };
        var json = new Option<bool>("--json") { Description = "Print the typed view of each message as JSON." };
        var canonical = new Option<bool>("--canonical") { Description = "Print each accepted message in canonical form (long header names, no folding)." };
        var command = new Command("parse", "Parse SIP messages and report accept or reject with the SIP response each deserves.")
        {
            files, strict, stream, json, canonical,
        };
        command.SetAction(result => Run(
            result.GetValue(files) ?? [],
            new ParseSettings(result.GetValue(strict), result.GetValue(stream), result.GetValue(json), result.GetValue(canonical)),
            Console.Out));
        return command;
    }

    internal readonly record struct ParseSettings(bool Strict, bool Stream, bool Json, bool Canonical);

    /// <summary>Parses every file, writes one result per file; returns the exit status (0 all accepted, 1 any rejected, 2 unreadable).</summary>
    internal static int Run(IReadOnlyList<string> files, ParseSettings settings, TextWriter output)
    {
        SipParserOptions options = settings.Strict ? SipParserOptions.StrictDefault : SipParserOptions.Default;
        var message = new SipMessage(options);
        int status = 0;
        foreach (string file in files)
        {
            byte[] bytes;
            try
            {
                bytes = file == "-" ? ReadAll(Console.OpenStandardInput()) : File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Console.Error.WriteLine($"sip: cannot read '{file}': {e.Message}");
                status = 2;
                continue;
            }

            Verdict verdict = Check(bytes, message, options, settings.Stream);
            if (settings.Json)
            {
                output.WriteLine(JsonView.Write(file, verdict, message));
            }
            else if (verdict.Accepted)
            {
                string what = message.IsRequest ? "request " + message.GetString(message.Method) : "response " + message.StatusCode;
                output.WriteLine($"{file}\taccept\t{what}");
            }
            else
            {
                output.WriteLine($"{file}\treject {verdict.Error.StatusCode}\t{verdict.Description}");
            }
            if (verdict.Accepted && settings.Canonical)
            {
                var buffer = new ArrayBufferWriter<byte>(message.Length + 64);
                SipMessageWriter.WriteCanonical(message, buffer);
                output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
            if (!verdict.Accepted && status == 0) status = 1;
        }
        return status;
    }

    internal readonly record struct Verdict(bool Accepted, SipParseError Error, string Description);

    /// <summary>Frames and indexes the message, then applies the message-level checks of RFC 3261 §8.1.1/§8.2.</summary>
    internal static Verdict Check(byte[] bytes, SipMessage message, SipParserOptions options, bool stream)
    {
        OperationStatus result;
        SipParseError error;
        if (stream)
        {
            result = SipMessageParser.ParseStream(new ReadOnlySequence<byte>(bytes), message, options, out _, out error);
            if (result == OperationStatus.NeedMoreData)
            {
                return new Verdict(false, error, "incomplete message: the stream ended before the message did (Content-Length or the empty line is missing)");
            }
        }
        else
        {
            result = SipMessageParser.ParseDatagram(bytes, message, options, out error);
        }
        if (result != OperationStatus.Done) return new Verdict(false, error, error.Describe(bytes));
        if (!SipMessageValidator.Validate(message, out error)) return new Verdict(false, error, error.Describe(message.Source.Span));
        return new Verdict(true, default, string.Empty);
    }

    private static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
