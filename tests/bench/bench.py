#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs Rapport's benchmarks (issue 10) and compares each figure with its
baseline measured in the same run. Started by run-bench.sh under a virtual
X display and a private D-Bus session; see there for how to run it.

Prints one table (figure, value, baseline, ratio, target, pass/fail) and
writes it, with every sample, to <build>/bench-results.json."""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

SEED = 20261125
SIZES = {"empty": 0, "1k": 1000, "10k": 10000, "100k": 100000}
MIB = 1024.0


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values) if values else None


def p95(values):
    """95th percentile, nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, int(-(-0.95 * len(ordered) // 1)))  # ceil
    return ordered[rank - 1]


def file_digest(path):
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:12]


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build)
        self.data = os.path.join(self.build, "bench-data")
        self.pristine = os.path.join(self.data, "pristine")
        self.run_dir = os.path.join(self.data, "run")
        # Generated files are kept between runs, keyed by the generator
        # binary (it links the store: a schema change makes new ones).
        self.key = file_digest(args.generate)
        self.results = {}
        os.makedirs(self.pristine, exist_ok=True)
        if os.path.isdir(self.run_dir):
            shutil.rmtree(self.run_dir)
        os.makedirs(self.run_dir)

    # ---------------------------------------------------------------- data

    def generated(self, kind, n):
        ext = "db" if kind == "db" else "csv"
        path = os.path.join(self.pristine, f"{kind}-{n}-s{SEED}-{self.key}.{ext}")
        if not os.path.exists(path):
            for old in os.listdir(self.pristine):
                if old.startswith(f"{kind}-{n}-") and not old.startswith(f"{kind}-{n}-s{SEED}-{self.key}"):
                    os.unlink(os.path.join(self.pristine, old))
            log(f"generating {kind} with {n} rows ...")
            out = subprocess.run([self.args.generate, kind, path, str(n), f"--seed={SEED}"],
                                 check=True, capture_output=True, text=True)
            log("  " + out.stdout.strip())
            self.results.setdefault("generated", {})[f"{kind}-{n}"] = json.loads(out.stdout)
        return path

    def profile(self, label):
        """A fresh XDG_DATA_HOME holding a copy of the database of @label."""
        home = os.path.join(self.run_dir, label)
        if label != "bare":
            os.makedirs(os.path.join(home, "rapport"), exist_ok=True)
            shutil.copyfile(self.generated("db", SIZES[label]), os.path.join(home, "rapport", "rapport.db"))
        else:
            os.makedirs(home, exist_ok=True)
        return home

    # ------------------------------------------------------------- running

    def run_app(self, argv, env_extra=None, timeout=300):
        """Runs bench-app once; None when that part is not built (exit 77).
        Raises subprocess.TimeoutExpired after @timeout seconds."""
        env = dict(os.environ)
        env.update(env_extra or {})
        t_spawn = time.monotonic_ns() // 1000
        proc = subprocess.run([self.args.app] + argv, env=env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode == 77:
            return None
        line = next((l for l in proc.stdout.splitlines() if l.startswith("BENCH ")), None)
        if proc.returncode != 0 or line is None:
            raise RuntimeError(f"bench-app {' '.join(argv)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        result = json.loads(line[len("BENCH "):])
        result["t_spawn"] = t_spawn
        if proc.stderr.strip():
            result["stderr_lines"] = len(proc.stderr.splitlines())
        return result

    def startup(self):
        labels = ["bare", "empty", "10k", "100k"]
        homes = {label: self.profile(label) for label in labels}
        samples = {label: [] for label in labels}
        timed_out = {}
        reps = self.args.reps
        limit = self.args.timeout
        log(f"startup to first frame: {reps} runs each (+1 warm-up), interleaved")
        for rep in range(reps + 1):
            for label in labels:
                if label in timed_out:
                    continue
                mode = "bare" if label == "bare" else "startup"
                try:
                    r = self.run_app([mode], {"XDG_DATA_HOME": homes[label]}, timeout=limit)
                except subprocess.TimeoutExpired:
                    timed_out[label] = limit
                    log(f"  {label:>5}: no first frame after {limit} s: stopped, not repeated")
                    continue
                r["process_to_frame_ms"] = (r["t_paint"] - r["t_spawn"]) / 1000.0
                r["main_to_frame_ms"] = (r["t_paint"] - r["t_main"]) / 1000.0
                r["window_to_frame_ms"] = (r["t_paint"] - r["t_activate"]) / 1000.0
                r["main_to_startup_ms"] = (r["t_startup"] - r["t_main"]) / 1000.0
                if rep > 0:  # the first round warms the page cache and records reminders
                    samples[label].append(r)
                log(f"  {label:>5}: {r['process_to_frame_ms']:8.1f} ms"
                    f"  (window build to frame {r['window_to_frame_ms']:.1f} ms)" + ("  warm-up" if rep == 0 else ""))

        def med(label, key):
            if label in timed_out:
                return None
            return median([r[key] for r in samples[label]])

        self.results["startup"] = {
            label: {
                "timed_out_s": timed_out.get(label),
                "median_process_to_frame_ms": med(label, "process_to_frame_ms"),
                "median_main_to_frame_ms": med(label, "main_to_frame_ms"),
                "median_window_to_frame_ms": med(label, "window_to_frame_ms"),
                "median_main_to_startup_ms": med(label, "main_to_startup_ms"),
                "runs": samples[label],
            } for label in labels
        }

    def memory(self):
        labels = ["empty", "100k"]
        homes = {label: self.profile(label) for label in labels}
        samples = {label: [] for label in labels}
        timed_out = {}
        slow = set()
        reps = max(1, min(self.args.reps, 3))
        log(f"memory after scrolling the contact list to the end: {reps} runs each")
        for rep in range(reps):
            for label in labels:
                if label in timed_out:
                    continue
                if label in slow:
                    continue
                t0 = time.monotonic()
                try:
                    r = self.run_app(["memory"], {"XDG_DATA_HOME": homes[label]}, timeout=self.args.timeout * 2)
                except subprocess.TimeoutExpired:
                    timed_out[label] = self.args.timeout * 2
                    log(f"  {label:>5}: not done after {timed_out[label]} s: stopped, not repeated")
                    continue
                samples[label].append(r)
                # Peak memory barely varies between runs: a run that takes
                # minutes (a slow startup) is not repeated.
                if time.monotonic() - t0 > 60:
                    slow.add(label)
                log(f"  {label:>5}: peak RSS {r['peak_rss_kib'] / MIB:7.1f} MiB, {r.get('rows', 0)} rows,"
                    f" {r.get('scroll_steps', 0)} scroll steps")
        self.results["memory"] = {
            label: {
                "timed_out_s": timed_out.get(label),
                "median_peak_rss_mib": median([r["peak_rss_kib"] / MIB for r in samples[label]]),
                "median_rss_after_first_frame_mib": median([r["rss_after_frame_kib"] / MIB for r in samples[label]]),
                "runs": samples[label],
            } for label in labels
        }

    def search(self):
        out = {}
        for label in ["1k", "100k"]:
            home = self.profile(label)
            db = os.path.join(home, "rapport", "rapport.db")
            r = self.run_app(["search", db, str(self.args.reps)], timeout=1800)
            keys = r["keystroke_ms"]
            r["p95_ms"] = p95(keys)
            r["median_ms"] = median(keys)
            r["max_ms"] = max(keys)
            r["clear_median_ms"] = median(r["clear_ms"])
            out[label] = r
            log(f"search {label:>5}: p95 {r['p95_ms']:.2f} ms, median {r['median_ms']:.2f} ms,"
                f" max {r['max_ms']:.2f} ms over {len(keys)} keystrokes; clear {r['clear_median_ms']:.2f} ms;"
                f" first keystroke (reads the index) {r['first_keystroke_ms']:.2f} ms,"
                f" RSS +{r['rss_growth_while_searching_kib'] / 1024:.1f} MiB;"
                f" read ahead on focus {r['read_ahead_ms']:.1f} ms in a thread (main loop gaps"
                f" ≤ {r['read_ahead_longest_gap_ms']:.1f} ms), then the first key"
                f" {r['first_keystroke_after_focus_ms']:.2f} ms")
        self.results["search"] = out

    def import_csv(self):
        out = {}
        reps = max(1, min(self.args.reps, 3))
        for rows in [1000, 10000]:
            csv = self.generated("csv", rows)
            runs = []
            for rep in range(reps):
                db_dir = os.path.join(self.run_dir, f"import-{rows}-{rep}")
                os.makedirs(db_dir, exist_ok=True)
                r = self.run_app(["import", csv, os.path.join(db_dir, "rapport.db")], timeout=900)
                if r is None:
                    self.results["import"] = None
                    log("import: not measured (parser not built yet)")
                    return
                runs.append(r)
                shutil.rmtree(db_dir)
            out[rows] = {
                "median_total_ms": median([r["total_ms"] for r in runs]),
                "median_parse_ms": median([r["parse_ms"] for r in runs]),
                "median_store_ms": median([r["store_ms"] for r in runs]),
                "runs": runs,
            }
            log(f"import {rows:>6} rows: {out[rows]['median_total_ms']:.0f} ms"
                f" (parse {out[rows]['median_parse_ms']:.0f} ms, store {out[rows]['median_store_ms']:.0f} ms)")
        if self.args.import_with_list:
            db_dir = os.path.join(self.run_dir, "import-list")
            os.makedirs(db_dir, exist_ok=True)
            r = self.run_app(["import", self.generated("csv", 10000), os.path.join(db_dir, "rapport.db"), "list"],
                             timeout=3600)
            out["10000_with_contact_list"] = r
            log(f"import 10000 rows with a contact list listening: {r['total_ms']:.0f} ms")
        self.results["import"] = out

    def prep(self):
        out = {}
        for questions in [6, 60]:
            d = os.path.join(self.run_dir, f"prep-{questions}")
            os.makedirs(d, exist_ok=True)
            r = self.run_app(["prep", d, str(questions), str(self.args.reps)], timeout=600)
            if r is None:
                self.results["prep"] = None
                log("prep sheet: not measured yet")
                return
            r["median_ms"] = median(r["export_ms"])
            out[questions] = r
            log(f"prep sheet {questions:>2} questions: {r['median_ms']:.1f} ms median"
                f" ({r['pages']} pages, first export {r['cold_ms']:.1f} ms)")
        self.results["prep"] = out

    # --------------------------------------------------------------- table

    def table(self):
        rows = []

        def ratio_row(figure, value, baseline, unit, limit, note=None):
            ratio = value / baseline if value is not None and baseline else None
            rows.append({
                "note": note,
                "figure": figure, "value": value, "baseline": baseline, "unit": unit,
                "ratio": ratio, "target": f"≤ {limit:.1f}× baseline",
                "pass": ratio is not None and ratio <= limit,
            })

        def absolute_row(figure, value, baseline, unit, limit, target_text, note=None):
            rows.append({
                "note": note,
                "figure": figure, "value": value, "baseline": baseline, "unit": unit,
                "ratio": value / baseline if value is not None and baseline else None,
                "target": target_text, "pass": value is not None and value <= limit,
            })

        st = self.results.get("startup")
        if st:
            first = "median_process_to_frame_ms"

            def timeout_note(label):
                t = st[label]["timed_out_s"]
                return f"no frame after {t} s" if t else None

            ratio_row("Startup to first frame: empty DB vs bare window", st["empty"][first], st["bare"][first], "ms", 2.0,
                      timeout_note("empty"))
            ratio_row("Startup to first frame: 10 000 contacts vs empty", st["10k"][first], st["empty"][first], "ms", 1.3,
                      timeout_note("10k"))
            ratio_row("Startup to first frame: 100 000 contacts vs empty", st["100k"][first], st["empty"][first], "ms", 1.5,
                      timeout_note("100k"))

        se = self.results.get("search")
        if se:
            absolute_row("Search as you type, p95 per keystroke, 100 000 (base: 1 000)",
                         se["100k"]["p95_ms"], se["1k"]["p95_ms"], "ms", 16.0, "≤ 16 ms")

        me = self.results.get("memory")
        if me:
            value = me["100k"]["median_peak_rss_mib"]
            base = me["empty"]["median_peak_rss_mib"]
            t = me["100k"]["timed_out_s"]
            absolute_row("Peak RSS, window + list scrolled to end, 100 000 vs empty",
                         value, base, "MiB", (base or 0) + 50.0, "≤ empty + 50 MiB",
                         f"not done after {t} s" if t else None)

        if "import" in self.results:
            im = self.results["import"]
            if im is None:
                rows.append({"figure": "LinkedIn CSV import, 10 000 rows", "value": None,
                             "note": "not measured (parser not built yet)", "target": "≤ 2 s", "pass": None})
            else:
                absolute_row("LinkedIn CSV import, 10 000 rows (base: 1 000)",
                             im[10000]["median_total_ms"] / 1000.0, im[1000]["median_total_ms"] / 1000.0,
                             "s", 2.0, "≤ 2 s")

        if "prep" in self.results:
            pr = self.results["prep"]
            if pr is None:
                rows.append({"figure": "Prep sheet to PDF, 60 questions", "value": None,
                             "note": "not measured yet", "target": "≤ 250 ms", "pass": None})
            else:
                absolute_row("Prep sheet to PDF, 60 questions (base: 6)",
                             pr[60]["median_ms"], pr[6]["median_ms"], "ms", 250.0, "≤ 250 ms")

        self.results["table"] = rows
        return rows

    def print_table(self, rows):
        def fmt(v, unit):
            if v is None:
                return "-"
            if unit == "ms":
                return f"{v:.1f} ms"
            if unit == "s":
                return f"{v:.2f} s"
            return f"{v:.1f} {unit}"

        header = ["Figure", "Value", "Baseline", "Ratio", "Target", "Result"]
        lines = []
        for r in rows:
            if r.get("value") is None and r.get("note"):
                verdict = "n/a" if r.get("pass") is None else ("PASS" if r["pass"] else "FAIL")
                lines.append([r["figure"], r["note"], fmt(r.get("baseline"), r.get("unit", "")), "-",
                              r["target"], verdict])
                continue
            lines.append([
                r["figure"], fmt(r["value"], r["unit"]), fmt(r["baseline"], r["unit"]),
                f"{r['ratio']:.2f}×" if r.get("ratio") is not None else "-",
                r["target"], "PASS" if r["pass"] else "FAIL",
            ])
        widths = [max(len(str(x[i])) for x in lines + [header]) for i in range(len(header))]
        sep = "-+-".join("-" * w for w in widths)
        print()
        print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
        print(sep)
        for line in lines:
            print(" | ".join(str(c).ljust(w) for c, w in zip(line, widths)))
        print()

    def print_details(self):
        st = self.results.get("startup")
        if st:
            print("Startup phases (medians): process start → first frame = main() → store open and"
                  " reminders ('startup') → window built → first frame")
            for label in ["bare", "empty", "10k", "100k"]:
                s = st[label]
                if s["timed_out_s"]:
                    print(f"  {label:>5}: no first frame after {s['timed_out_s']} s")
                    continue
                print(f"  {label:>5}: {s['median_process_to_frame_ms']:7.1f} ms;"
                      f" main→startup {s['median_main_to_startup_ms']:6.1f} ms;"
                      f" window build→frame {s['median_window_to_frame_ms']:7.1f} ms")
        se = self.results.get("search")
        if se:
            for label in ["1k", "100k"]:
                s = se[label]
                print(f"Search {label:>5}: p95 {s['p95_ms']:.2f} ms, median {s['median_ms']:.2f} ms,"
                      f" max {s['max_ms']:.2f} ms; emptying the box {s['clear_median_ms']:.2f} ms;"
                      f" first list {s['initial_ms']:.2f} ms; first keystroke (reads the search index)"
                      f" {s['first_keystroke_ms']:.2f} ms; RSS while searching"
                      f" +{s['rss_growth_while_searching_kib'] / 1024:.1f} MiB;"
                      f" with the focus's read-ahead ({s['read_ahead_ms']:.0f} ms in a thread,"
                      f" main loop gaps ≤ {s['read_ahead_longest_gap_ms']:.1f} ms) the first key"
                      f" {s['first_keystroke_after_focus_ms']:.2f} ms")
        im = self.results.get("import")
        if im:
            for rows in [1000, 10000]:
                print(f"Import {rows:>6}: parse {im[rows]['median_parse_ms']:.0f} ms,"
                      f" add to store {im[rows]['median_store_ms']:.0f} ms")
        print()

    def machine(self):
        cpu = "unknown"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        return {
            "nproc": os.cpu_count(),
            "cpu": cpu,
            "kernel": platform.release(),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "reps": self.args.reps,
            "seed": SEED,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--only", default="startup,search,memory,import,prep",
                        help="comma-separated: startup, search, memory, import, prep")
    parser.add_argument("--import-with-list", action="store_true",
                        help="also import 10 000 rows with a contact list listening (slow)")
    parser.add_argument("--timeout", type=int, default=180,
                        help="seconds one startup run may take before it counts as failed")
    parser.add_argument("--output", default=None)
    args = parser.parse_args()

    bench = Bench(args)
    bench.results["machine"] = bench.machine()
    log(f"machine: {bench.results['machine']['nproc']} × {bench.results['machine']['cpu']}")

    only = set(args.only.split(","))
    errors = {}
    for name in ["startup", "search", "memory", "import", "prep"]:
        if name in only:
            try:
                getattr(bench, name if name != "import" else "import_csv")()
            except Exception as e:  # one broken figure must not hide the others
                errors[name] = str(e)
                log(f"{name}: could not be measured: {e}")
    bench.results["errors"] = errors

    rows = bench.table()
    bench.print_table(rows)
    bench.print_details()

    output = args.output or os.path.join(bench.build, "bench-results.json")
    with open(output, "w") as f:
        json.dump(bench.results, f, indent=2, ensure_ascii=False, default=str)
    print(f"Results written to {output}")
    failed = [r["figure"] for r in rows if r.get("pass") is False]
    if failed:
        print(f"{len(failed)} target(s) missed: " + "; ".join(failed))
    for name, message in errors.items():
        print(f"Not measured because bench-app failed: {name} ({message.splitlines()[0]})")
    if errors:
        return 1
    return 1 if failed and os.environ.get("RAPPORT_BENCH_STRICT") else 0


if __name__ == "__main__":
    sys.exit(main())
