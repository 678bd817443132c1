"""The C# helper under Mono against the IP Helper double: for N desired entries
on a table of N rows, the native calls by kind, the time per entry, and one
bulk task against N single-entry runs. Run by bench/run.py."""
from __future__ import annotations

import ipaddress
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "tools"), str(ROOT / "tests" / "helper")]

import build  # noqa: E402
import csharp  # noqa: E402
from native_double import LOOKUPS, Double  # noqa: E402

SIZES = (1, 10, 100, 1_000, 10_000)
NEIGHBOR_CALLS = ("GetIpNetTable2", "GetIpNetEntry2", "CreateIpNetEntry2", "SetIpNetEntry2", "DeleteIpNetEntry2")
SHORT = {"GetIpNetTable2": "table", "GetIpNetEntry2": "get", "CreateIpNetEntry2": "create",
         "SetIpNetEntry2": "set", "DeleteIpNetEntry2": "delete"}
SINGLE_SAMPLE, SNAPSHOT_SAMPLE = 400, 40


def address(i: int) -> str:
    return str(ipaddress.ip_address("10.0.0.0") + i + 1)


def mac(i: int, variant: int) -> str:
    return f"02-00-{variant:02X}-{i >> 16 & 0xFF:02X}-{i >> 8 & 0xFF:02X}-{i & 0xFF:02X}"


def prepare(double: Double, n: int) -> None:
    """A host whose table holds n static entries on Ethernet, pinned to variant 1."""
    double.reset()
    double.add_interface(4, 0x6000000000004, "Ethernet")
    double.add_interface(7, 0x6000000000007, "Ethernet 2")
    for i in range(n):
        double.add_neighbor(address(i), 4, mac(i, 1), "Permanent")
    double.reset_counters()


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def counts(double: Double) -> dict[str, int]:
    return {f: double.calls(f) for f in NEIGHBOR_CALLS if double.calls(f)}


def show(calls: dict[str, int]) -> str:
    return " ".join(f"{SHORT[f]}={c}" for f, c in calls.items()) or "none"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="ipneighbor-bench-"))
    library = build.build_double(work)
    csharp.load(build.build_helper(work, library))
    import ansible_collections.ipneighbor.windows.plugins.module_utils as utils  # type: ignore

    module = utils.NeighborModules.NeighborModule
    double = Double(library)

    def bulk(n: int, variant: int) -> Any:
        entries = [{"address": address(i), "mac": mac(i, variant)} for i in range(n)]
        params = csharp.parameters({"interface": "Ethernet", "neighbors": entries, "purge": False,
                                    "purge_family": "both", "state": "present"})
        return lambda: module.Run(params, False)

    print("C# helper under Mono, IP Helper test double; table of N static entries on one interface")
    print(f"{'N':>6} | {'steady state: calls':<22} {'us/entry':>9} | {'all change: calls':<40} "
          f"{'calls/change':>12} {'us/entry':>9} | {'N single runs / bulk':>20} {'N 1-entry bulk runs / bulk':>27}")
    per_entry: dict[int, float] = {}
    verdicts = []
    prepare(double, 100)
    bulk(100, 2)()  # warm the JIT and the marshalling stubs
    for n in SIZES:
        prepare(double, n)
        steady_run = bulk(n, 1)
        steady_time = timed(steady_run)
        steady = counts(double)
        lookups = sum(double.calls(f) for f in LOOKUPS)
        verdicts.append(steady == {"GetIpNetTable2": 1})

        prepare(double, n)
        change_time = timed(bulk(n, 2))
        change = counts(double)
        per_change = (sum(change.values()) - change.get("GetIpNetTable2", 0)) / n
        verdicts.append(per_change <= 2)
        per_entry[n] = change_time / n

        # N single-entry module runs (GetIpNetEntry2 each), on the steady table.
        prepare(double, n)
        sample = min(n, SINGLE_SAMPLE)
        singles = [csharp.parameters({"address": address(i), "mac": mac(i, 1), "interface": "Ethernet",
                                      "state": "present", "purge": False}) for i in range(sample)]
        single_time = timed(lambda: [module.Run(p, False) for p in singles]) * n / sample
        # N bulk runs of one entry each, every one taking its own snapshot of the table.
        sample = min(n, SNAPSHOT_SAMPLE)
        ones = [bulk(1, 1) for dummy in range(sample)]
        snapshot_time = timed(lambda: [run() for run in ones]) * n / sample

        print(f"{n:>6} | {show(steady):<22} {steady_time / n * 1e6:>9.1f} | {show(change):<40} "
              f"{per_change:>12.2f} {change_time / n * 1e6:>9.1f} | {single_time / steady_time:>20.1f} "
              f"{snapshot_time / steady_time:>27.1f}")
    flat = per_entry[10_000] / per_entry[100]
    print(f"steady state is one snapshot and no other neighbor call at every N: {all(verdicts[0::2])} "
          f"(plus {lookups} interface lookups per distinct interface name, whatever N)")
    print(f"each change costs at most 2 calls (change + read-back) at every N: {all(verdicts[1::2])}")
    print(f"time per changed entry, N=10000 against N=100: {flat:.2f}x (flat is about 1)")
    print("(single and 1-entry runs: sampled on up to 400 and 40 runs, scaled to N; all in-process, so "
          "without the PowerShell start and C# compile each real run pays)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
