using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Sip.Generator.Tests")]
[assembly: InternalsVisibleTo("Sip.Conformance.Tests")]
