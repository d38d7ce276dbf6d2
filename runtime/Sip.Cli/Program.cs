using System.CommandLine;
using Sip.Cli;

// sip: the Sip.Generated command. Exit status: 0 success, 1 a file was rejected, 2 usage error.
var root = new RootCommand("Sip.Generated: a SIP (RFC 3261) toolkit whose parsers are generated from the protocol's ABNF.")
{
    ParseCommand.Create(),
};
ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors) Console.Error.WriteLine("sip: " + error.Message);
    Console.Error.WriteLine("Try 'sip --help'.");
    return 2;
}
return await parsed.InvokeAsync();
