"""Reads what `koers run` printed, in either output format, as the JSON report's shape.

The benchmarks run Koers with the text format (the default): building the JSON report
of a large working memory costs the process more memory than the run itself. This
module turns either format into {"run": {"stop", "firings", "error"}, "output": [...],
"facts": [{"template", "slots"}]}, enough for the checkers.
"""
import json
import re

FACT_LINE = re.compile(r"^  f-\d+ ([^(]+)\((.*)\)(?:  <- .*)?$")
OUTPUT_HEADER = re.compile(r"^output \((\d+) lines?\):$")
RUN_LINE = re.compile(r"^run: (\w+)(?: \(partial results\))?, (\d+) firings?")


def _value(text):
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _read_text(lines):
    report = {"facts": [], "output": [], "run": None}
    index = 0
    while index < len(lines):
        line = lines[index]
        fact = FACT_LINE.match(line)
        output = OUTPUT_HEADER.match(line)
        run = RUN_LINE.match(line)
        if fact:
            slots = {}
            for pair in fact.group(2).split(", ") if fact.group(2) else []:
                name, _, value = pair.partition(": ")
                slots[name] = _value(value)
            report["facts"].append({"template": fact.group(1), "slots": slots})
        elif output:
            count = int(output.group(1))
            report["output"] = [text[2:] for text in lines[index + 1:index + 1 + count]]
            index += count
        elif run:
            report["run"] = {"stop": run.group(1), "firings": int(run.group(2)), "error": None}
        index += 1
    if report["run"] is None:
        raise ValueError("no `run:` line")
    return report


def read(path):
    """The report in `path`; raises OSError or ValueError when it cannot be read."""
    text = open(path).read()
    if text.lstrip().startswith("{"):
        return json.loads(text)
    return _read_text(text.splitlines())
