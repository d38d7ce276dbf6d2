#!/usr/bin/env python3
"""Turns BenchmarkDotNet JSON exports into the Markdown results tables of benchmarks/README.md.

Usage:
  dotnet run -c Release --project benchmarks/Sip.Benchmarks -- --filter '*' --exporters json
  python3 benchmarks/scripts/report.py BenchmarkDotNet.Artifacts/results/*.json > results.md

Each table is one benchmark class; rows are grouped by parameter set (e.g. Message=a), and the ratio is the mean over
the mean of the class's [Benchmark(Baseline = true)] method with the same parameters, measured in the same run.
Allocation is BenchmarkDotNet's MemoryDiagnoser figure (bytes per operation). Standard library only.
"""
import json
import sys
from collections import OrderedDict


def fmt_time(ns):
    if ns is None:
        return "n/a"
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:,.2f} ms"
    if ns >= 1_000:
        return f"{ns / 1_000:,.2f} µs"
    return f"{ns:,.1f} ns"


def fmt_bytes(b):
    if b is None:
        return "n/a"
    return "0 B" if b == 0 else f"{b:,} B"


def machine(info):
    parts = [
        info.get("ProcessorName", "?").strip(),
        f"{info.get('PhysicalCoreCount', '?')} physical / {info.get('LogicalCoreCount', '?')} logical cores",
        info.get("OsVersion", "?"),
        info.get("RuntimeVersion", "?"),
        info.get("Architecture", "?"),
    ]
    return "; ".join(str(p) for p in parts) + f" ({info.get('BenchmarkDotNetCaption', 'BenchmarkDotNet')} {info.get('BenchmarkDotNetVersion', '')})"


def baseline_method(benchmarks):
    # The JSON does not flag the baseline; the suites name it first in their class and mark it in the method's
    # description. Take the method the caller names with --baseline, else the first method of the class.
    return benchmarks[0]["Method"]


def main(paths):
    baseline_override = None
    files = []
    for p in paths:
        if p.startswith("--baseline="):
            baseline_override = p.split("=", 1)[1]
        else:
            files.append(p)
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    described = False
    for path in files:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
        if not described:
            print(f"Machine: {machine(data.get('HostEnvironmentInfo', {}))}\n")
            described = True
        benchmarks = data.get("Benchmarks", [])
        if not benchmarks:
            continue
        cls = benchmarks[0].get("Type", "?")
        base = baseline_override or baseline_method(benchmarks)
        groups = OrderedDict()
        for b in benchmarks:
            groups.setdefault(b.get("Parameters", ""), []).append(b)
        print(f"### {cls}\n")
        print("| parameters | method | mean | ratio to " + base + " | allocated |")
        print("|---|---|---:|---:|---:|")
        for params, rows in groups.items():
            base_mean = next((r["Statistics"]["Mean"] for r in rows if r["Method"] == base and r.get("Statistics")), None)
            for r in rows:
                stats = r.get("Statistics") or {}
                mean = stats.get("Mean")
                ratio = f"{mean / base_mean:.2f}" if mean is not None and base_mean else "n/a"
                allocated = (r.get("Memory") or {}).get("BytesAllocatedPerOperation")
                print(f"| {params or '-'} | {r['Method']} | {fmt_time(mean)} | {ratio} | {fmt_bytes(allocated)} |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
