using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Sip.Generator.Tests")]
[assembly: InternalsVisibleTo("Sip.Conformance.Tests")]
[assembly: InternalsVisibleTo("Sip.Runtime.Tests")]
