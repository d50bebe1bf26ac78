#!/usr/bin/env python3
"""Writes a Markdown job summary for the .trx files in a folder (the loggers of `dotnet test --logger trx`).

Usage: trx_summary.py TITLE RESULTS_DIR  (Markdown on stdout; append it to $GITHUB_STEP_SUMMARY).
Lists the counts per test run and the name and first message line of every failed test. Exits 0 so that the
summary never hides the failure of the test step itself.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
FAILED = {"Failed", "Error", "Timeout", "Aborted"}


def summarize(path):
    root = ET.parse(path).getroot()
    counters = root.find("t:ResultSummary/t:Counters", NS)
    count = lambda name: int(counters.get(name, "0")) if counters is not None else 0
    failed = count("failed") + count("error") + count("timeout") + count("aborted")
    failures = []
    for result in root.iterfind("t:Results/t:UnitTestResult", NS):
        if result.get("outcome") in FAILED:
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
            failures.append((result.get("testName", "?"), message.splitlines()[0] if message else ""))
    return (count("total"), count("passed"), failed, count("notExecuted"), failures)


def main(title, folder):
    files = sorted(pathlib.Path(folder).glob("**/*.trx"))
    print(f"### {title}\n")
    if not files:
        print("No test results (.trx) were found.\n")
        return
    print("| results | total | passed | failed | skipped |\n| --- | ---: | ---: | ---: | ---: |")
    all_failures = []
    for path in files:
        total, passed, failed, skipped, failures = summarize(path)
        all_failures.extend(failures)
        print(f"| {path.name} | {total} | {passed} | {failed} | {skipped} |")
    print()
    if all_failures:
        print("**Failed tests**\n")
        for name, message in all_failures:
            print(f"- `{name}`" + (f": {message}" if message else ""))
        print()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: trx_summary.py TITLE RESULTS_DIR")
    main(sys.argv[1], sys.argv[2])
