"""Reads Stryker's JSON reports (one folder per service under OUT/<Service>/reports/mutation-report.json) and writes
the table of scores between <!-- mutation:start --> and <!-- mutation:end --> in README (creating the markers when
they are missing). Score = killed (+ timeouts) / (all mutants that compiled and were not ignored), as Stryker counts it."""
import json
import pathlib
import sys
from datetime import datetime, timezone

out, readme = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])


def tested(file):
    """A file was mutated in a run unless every mutant of it was left out by the run's --mutate globs."""
    return any(m.get("statusReason") != "Removed by mutate filter" for m in file["mutants"])


def relative_files(report):
    """The report's files by their path in the project: a re-run may come from another checkout of the repository."""
    content = json.loads(report.read_text())
    root = pathlib.PurePosixPath(content.get("projectRoot", "/"))
    return {str(pathlib.PurePosixPath(path).relative_to(root)): file for path, file in content["files"].items()}


def merged_files(report):
    """The whole run's files, each replaced by its newest re-run: OUT/<Service>/partial/<name>/reports/ holds runs of
    some files only (`--mutate` globs) made after tests were added, so a service's figure need not wait for a whole
    run. Returns the files and the times of the re-runs used."""
    files = {path: (report.stat().st_mtime, file) for path, file in relative_files(report).items()}
    reruns = set()
    for partial in report.parents[1].glob("partial/*/reports/mutation-report.json"):
        when = partial.stat().st_mtime
        for path, file in relative_files(partial).items():
            if tested(file) and when > files.get(path, (0, None))[0]:
                files[path] = (when, file)
                reruns.add(when)
    return [file for _, file in files.values()], sorted(reruns)


rows = []
for report in sorted(out.glob("*/reports/mutation-report.json")):
    service = report.parents[1].name
    counts = {}
    files, reruns = merged_files(report)
    for file in files:
        for mutant in file["mutants"]:
            counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
    killed, timeout = counts.get("Killed", 0), counts.get("Timeout", 0)
    survived, nocov = counts.get("Survived", 0), counts.get("NoCoverage", 0)
    valid = killed + timeout + survived + nocov
    score = 100.0 * (killed + timeout) / valid if valid else 0.0
    run = f"{datetime.fromtimestamp(report.stat().st_mtime, timezone.utc):%Y-%m-%d %H:%M}"  # services run at different times
    if reruns:
        run += " + files re-run " + ", ".join(f"{datetime.fromtimestamp(t, timezone.utc):%H:%M}" for t in reruns)
    rows.append(f"| {service} | {run} | {score:.1f}% | {killed} | {timeout} | {survived} | {nocov} | {counts.get('Ignored', 0)} |")

start, end = "<!-- mutation:start -->", "<!-- mutation:end -->"
text = readme.read_text() if readme.exists() else ""
if start not in text:
    text += f"\n{start}\n{end}\n"
before, rest = text.split(start, 1)
previous, after = rest.split(end, 1)
# A run of some services keeps the rows of the others (their reports are not on this machine).
ran = {row.split(" | ")[0] for row in rows}
rows += [line for line in previous.splitlines()
         if line.startswith("| ") and not line.startswith(("| service", "| ---")) and line.split(" | ")[0] not in ran]
rows.sort()
table = "\n".join([
    "Last runs (`scripts/mutation.sh`, Stryker.NET 5.1.0; run = when its report was written, UTC):",
    "",
    "| service | run | score | killed | timeout | survived | no coverage | ignored |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    *rows,
])
readme.write_text(f"{before}{start}\n{table}\n{end}{after}")
print(table)
