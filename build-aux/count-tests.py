#!/usr/bin/env python3
"""Counts test cases in a meson test log and prints "N passed, N failed".

A TAP test counts each of its `ok` / `not ok` lines; a test that is not TAP
counts once. Skipped cases are reported apart and count as neither. A TAP
program that dies before its plan is complete counts as one more failure.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")
PLAN = re.compile(r"^1\.\.(\d+)")


def count(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            out_lines = (entry.get("stdout") or "").splitlines()
            # meson's log does not record the protocol: a TAP program is
            # one whose output has a plan line.
            if any(PLAN.match(out) for out in out_lines):
                results, plan = 0, None
                for out in out_lines:
                    m = PLAN.match(out)
                    if m:
                        plan = int(m.group(1))
                    m = TAP_LINE.match(out)
                    if not m:
                        continue
                    results += 1
                    directive = m.group(2)
                    if "# SKIP" in directive.upper():
                        skipped += 1
                    elif m.group(1) == "ok":
                        passed += 1
                    else:
                        failed += 1
                if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and (
                    plan is None or results < plan or results == 0
                ):
                    failed += 1
            else:
                result = entry.get("result")
                if result == "SKIP":
                    skipped += 1
                elif result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                else:
                    failed += 1
    return passed, failed, skipped


def main():
    try:
        passed, failed, skipped = count(sys.argv[1])
    except FileNotFoundError:
        print("0 passed, 1 failed")
        return 1
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
