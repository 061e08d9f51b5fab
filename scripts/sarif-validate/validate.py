"""Validate claimcheck's SARIF against the SARIF 2.1.0 schema (see run.sh).

Every case runs the claimcheck binary, parses its SARIF and validates it with
jsonschema and a format checker that checks `uri` and `uri-reference` (rfc3987).
The checker is tested first on URIs it must refuse, so a checker that checks
nothing cannot pass. Besides the schema, each run's fingerprints must be distinct,
and a run from a subfolder must print the same SARIF as the run from the root.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema


def checker():
    # the schema is draft-04, whose own checker knows no "uri-reference"; the generic
    # FormatChecker has every format jsonschema can check, uri-reference included
    fc = jsonschema.FormatChecker()
    for fmt in ("uri", "uri-reference"):
        if fmt not in fc.checkers:
            sys.exit(f"sarif-validate: the format checker cannot check {fmt} (rfc3987 missing?)")
    return fc


def self_test(validator):
    """The checker refuses what it must; else the run proves nothing."""
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "message": {"text": "m"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "x"}}}
                        ],
                    }
                ],
            }
        ],
    }
    for uri in ["a b.md", "a#b#c.md", "100%.md", "é.md"]:
        bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
            "artifactLocation"
        ]["uri"] = uri
        if not list(validator.iter_errors(bad)):
            sys.exit(f"sarif-validate: the checker accepted the uri {uri!r}: it checks nothing")


HOSTILE_DIR = "dr afts #1 %,:İ"
HOSTILE_DRAFT = "a b#c%d,e:f İstanbul.md"
HOSTILE_SOURCE = "min istry%,:é #1.txt"


def make_project(repo, tmp):
    """A project whose folder, draft and source names hold every hard character, with
    a second corpus outside it (read with --allow-outside: absolute file URIs)."""
    root = os.path.join(tmp, "pro ject#%")
    corpus = os.path.join(root, "co rpus")
    sub = os.path.join(root, HOSTILE_DIR)
    os.makedirs(corpus)
    os.makedirs(sub)
    fixtures = os.path.join(repo, "tests", "fixtures", "cli", "corpus")
    shutil.copy(os.path.join(fixtures, "ministry.txt"), os.path.join(corpus, HOSTILE_SOURCE))
    shutil.copy(os.path.join(fixtures, "analysis.txt"), os.path.join(corpus, "analysis.txt"))
    outside = os.path.join(tmp, "out side,:é")
    os.makedirs(outside)
    shutil.copy(os.path.join(fixtures, "wire.txt"), os.path.join(outside, "wire #%.txt"))
    with open(os.path.join(root, "claims.toml"), "w", encoding="utf-8") as f:
        f.write(
            '[corpus]\npaths = ["co rpus"]\n\n'
            "[[claim]]\n"
            'id = "deaths"\n'
            'text = "Militant violence claimed 1,061 lives in 2021, the interior ministry said."\n'
            f'sources = ["{HOSTILE_SOURCE[:-4]}"]\n'
        )
    with open(os.path.join(sub, HOSTILE_DRAFT), "w", encoding="utf-8") as f:
        f.write(
            "# Brief\n\n"
            "Militant violence claimed 1,061 lives in 2021, the interior ministry said.\n\n"
            "İstanbul's officials said the Taliban trained 1,200 TTP recruits in Kunar.\n\n"
            "The Taliban released 780 TTP prisoners after returning to power.\n\n"
            "<!-- claimcheck-disable-next-line -->\n"
            "Militant violence claimed 1,061 lives in 2021.\n"
        )
    return root, sub, outside


def cases(repo, tmp):
    """(name, folder, arguments) of every run validated."""
    cli = os.path.join(repo, "tests", "fixtures", "cli")
    lint = os.path.join(cli, "lint")
    root, sub, outside = make_project(repo, tmp)
    rel_draft = os.path.join(HOSTILE_DIR, HOSTILE_DRAFT)
    out = []
    for claims in ["supported", "misquoted", "unattributed", "miscited", "conflict"]:
        out.append((f"check {claims}.toml", cli, ["check", "--claims", f"{claims}.toml"]))
    out.append(("check --min-sources 2", cli, ["check", "--claims", "conflict.toml", "--min-sources", "2"]))
    out.append(("lint fixtures", lint, ["lint", "verdicts.md", "suppress.md", "citations.md", "prose.md"]))
    out.append(("check seeds --min-sources 2 (repo root)", repo, ["check", "--min-sources", "2"]))
    out.append(("trace (repo root)", repo, ["trace", "--", "TTP attacks in Pakistan rose 24% in 2021 compared to 2020"]))
    out.append(("check hostile names (root)", root, ["check"]))
    out.append(("lint hostile names (root)", root, ["lint", rel_draft]))
    out.append(("lint hostile names (subfolder)", sub, ["lint", HOSTILE_DRAFT]))
    out.append(("lint hostile names, corpus outside (root)", root,
                ["lint", "--allow-outside", "--corpus", "co rpus", "--corpus", outside, rel_draft]))
    out.append(("lint hostile names, corpus outside (subfolder)", sub,
                ["lint", "--allow-outside", "--corpus", os.path.join("..", "co rpus"), "--corpus", outside,
                 HOSTILE_DRAFT]))
    return out


def uris(doc):
    for run in doc.get("runs", []):
        for r in run.get("results", []):
            for loc in r.get("locations", []) + r.get("relatedLocations", []):
                yield loc["physicalLocation"]["artifactLocation"]["uri"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--repo", required=True)
    a = ap.parse_args()
    with open(a.schema, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=checker())
    self_test(validator)
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    failed = 0
    total_results = 0
    outputs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, cwd, args in cases(a.repo, tmp):
            p = subprocess.run([a.bin, *args[:1], "--format", "sarif", *args[1:]], cwd=cwd,
                               capture_output=True, env=env)
            if p.returncode not in (0, 1):
                print(f"FAIL {name}: exit {p.returncode}\n{p.stderr.decode(errors='replace')}")
                failed += 1
                continue
            doc = json.loads(p.stdout)
            outputs[name] = p.stdout
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            results = doc["runs"][0]["results"]
            total_results += len(results)
            prints = [r["partialFingerprints"]["claimcheck/v2"] for r in results]
            problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]
            if len(set(prints)) != len(prints):
                problems.append("fingerprints are not distinct")
            if problems:
                failed += 1
                print(f"FAIL {name}")
                for e in problems[:20]:
                    print(f"    {e}")
            else:
                shown = sorted(set(uris(doc)))
                print(f"ok   {name}: {len(results)} results, uris {shown}")
    for a_name, b_name in [
        ("lint hostile names (root)", "lint hostile names (subfolder)"),
        ("lint hostile names, corpus outside (root)", "lint hostile names, corpus outside (subfolder)"),
    ]:
        if a_name in outputs and outputs[a_name] != outputs.get(b_name):
            failed += 1
            print(f"FAIL {b_name}: differs from {a_name}")
        else:
            print(f"ok   {b_name} prints the same SARIF as {a_name}")
    n = len(outputs)
    print(f"sarif-validate: {n - failed} passed, {failed} failed ({total_results} results validated "
          f"against {os.path.basename(a.schema)})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
