using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/Sip.Benchmarks -- --filter '*'
// CI:  the same with --job dry --inProcess: a broken benchmark fails the run; no timing is asserted.
IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
if (failed) Console.Error.WriteLine("benchmarks: at least one benchmark failed (see above)");
return failed ? 1 : 0;
