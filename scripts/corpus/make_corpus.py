#!/usr/bin/python3
"""Makes the fixture corpus in test/fixtures/corpus/: workbooks as Lạng Sơn's commune officials keep
them, each a valid TC8 input plus one family of package features a careless rewriter loses.

  /usr/bin/python3 scripts/corpus/make_corpus.py            # the hand-made files (deterministic)
  /usr/bin/python3 scripts/corpus/make_corpus.py --lo       # also the LibreOffice-made 01 and 08
  /usr/bin/python3 scripts/corpus/make_corpus.py --big DIR  # also 12 with a million formatted rows, into DIR

Writes each file, manifest.json (machine-readable: parts, elements, inputs, expected verdicts) and
README.md (the same for people). --lo needs LibreOffice and python3-uno (Debian's, hence
/usr/bin/python3); it starts its own soffice with a private profile and stops it afterwards.
Only the standard library is used otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import families  # noqa: E402
from ooxml import write_zip  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "corpus")

HAND = [
    ("02-sparklines-dropdowns.xlsx", families.f02),
    ("03-defined-names.xlsx", families.f03),
    ("04-page-breaks-ignored-errors.xlsx", families.f04),
    ("05-notes.xlsx", families.f05),
    ("06-data-bars.xlsx", families.f06),
    ("07-theme-number-formats.xlsx", families.f07),
    ("09-shared-string-escapes.xlsx", families.f09),
    ("10-workbook-protection.xlsx", lambda: families.f10("workbook")),
    ("10-sheet-protection.xlsx", lambda: families.f10("sheet")),
    ("10-other-sheet-protected.xlsx", lambda: families.f10("other")),
    ("11-external-link-custom-parts.xlsx", families.f11),
    ("12-huge-span.xlsx", families.f12),
    ("13-layout.xlsx", lambda: families.f13("layout")),
    ("13-table.xlsx", lambda: families.f13("table")),
    ("14-threaded-comments.xlsx", families.f14),
]
LO = [("01-libreoffice-chart-image-textbox.xlsx", "f01"), ("08-macros.xlsm", "f08")]


TABLE_SHEETS = {"communes", "villages", "postal points"}
EDITABLE_RELS = ("/comments", "/vmlDrawing", "/table")


def may_edit(z: zipfile.ZipFile, sheets: list[dict]) -> list[str]:
    """Parts TC8 may have to edit: the package's and workbook's own parts, and each table sheet with
    its relationships, notes, VML and tables. Every other part must come back byte-identical."""
    import posixpath
    import xml.etree.ElementTree as ET
    names = set(z.namelist())
    out = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
           "docProps/app.xml", "docProps/core.xml"}
    for sh in sheets:
        if sh["role"] not in TABLE_SHEETS:
            continue
        part = sh["part"]
        out.add(part)
        rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels in names:
            out.add(rels)
            for r in ET.fromstring(z.read(rels)):
                if r.get("Type", "").endswith(EDITABLE_RELS) and r.get("TargetMode") != "External":
                    out.add(posixpath.normpath(posixpath.join(posixpath.dirname(part), r.get("Target"))))
    return sorted(p for p in out if p in names)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_soffice(port: int, profile: str) -> subprocess.Popen:
    return subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", f"--accept=socket,host=127.0.0.1,port={port};urp;",
                             f"-env:UserInstallation=file://{profile}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lo", action="store_true", help="also make the LibreOffice-made files (01, 08)")
    ap.add_argument("--port", type=int, default=0, help="port for LibreOffice's UNO socket (default: a free one)")
    ap.add_argument("--big", metavar="DIR", help="also write 12-million-rows.xlsx (2.6 MB) into DIR, outside the corpus")
    ap.add_argument("--out", default=OUT, help="output folder (default test/fixtures/corpus)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    manifest_path = os.path.join(a.out, "manifest.json")
    old = {}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            old = {m["file"]: m for m in json.load(f)["files"]}
    metas: dict[str, dict] = {}
    for name, build in HAND:
        files, meta = build()
        write_zip(os.path.join(a.out, name), files)
        meta.setdefault("made_by", "by hand: scripts/corpus/families.py (Excel's part layout, written with Python's zipfile)")
        metas[name] = {"file": name, **meta}
        print("wrote", name)
    if a.lo:
        import lo_build
        work = tempfile.mkdtemp(prefix="tc8-corpus-")
        profile = os.path.join(work, "profile")
        port = a.port or free_port()
        proc = start_soffice(port, profile)
        try:
            ctx = lo_build.connect(port)
            for name, fn in LO:
                meta = getattr(lo_build, fn)(ctx, os.path.join(a.out, name), work)
                metas[name] = {"file": name, **meta}
                print("wrote", name)
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
            shutil.rmtree(work, ignore_errors=True)
    else:
        for name, _ in LO:
            if name in old and os.path.exists(os.path.join(a.out, name)):
                metas[name] = old[name]
    if a.big:
        files, _ = families.f12(million_rows=True)
        os.makedirs(a.big, exist_ok=True)
        p = os.path.join(a.big, "12-million-rows.xlsx")
        write_zip(p, files)
        print("wrote", p, os.path.getsize(p), "bytes")
    order = sorted(metas)
    for n in order:
        with zipfile.ZipFile(os.path.join(a.out, n)) as z:
            metas[n]["parts"] = sorted(z.namelist())
            metas[n]["may_edit"] = may_edit(z, metas[n]["sheets"])
        metas[n]["bytes"] = os.path.getsize(os.path.join(a.out, n))
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump({"about": "TC8 fixture corpus: see README.md. Generated by scripts/corpus/make_corpus.py.",
                   "files": [metas[n] for n in order]}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    write_readme(a.out, [metas[n] for n in order])


INTRO = """# Fixture corpus: workbooks as officials keep them

Each file is a valid TC8 input (a communes sheet with TC8's canonical headers under a title, usually
with a villages sheet and a postal-points sheet, 3–6 real communes of Lạng Sơn with made-up
figures: some pass, some fail at NTM, some only at NTM nâng cao, one or two lack data) **plus one
family of package features** that a careless .xlsx rewriter loses. They are for byte-identity
tests of a writer that patches the package: after `tc8 evaluate`, every part TC8 does not own must
be byte-identical, and in the parts it edits every element of the user's must be unchanged.

`manifest.json` says the same as this page, for tests: per file the elements carrying the feature
(`features[].part` / `.path`, XPath-ish, and `.marker`, a literal substring of that part in the
input, for a cheap "still there" assertion), the input ranges, the expected exit code and each
commune's verdicts (`expect`), the package's parts (`parts`) and `may_edit`: the parts TC8 may have
to edit (the package's and workbook's own parts, and each communes/villages/postal sheet with its
relationships, notes, VML and tables). Every other part must come back byte-identical.

## Making and checking

```sh
/usr/bin/python3 scripts/corpus/make_corpus.py         # hand-made files: same bytes every run
/usr/bin/python3 scripts/corpus/make_corpus.py --lo    # also 01 and 08, saved by LibreOffice (new bytes each run)
/usr/bin/python3 scripts/corpus/make_corpus.py --big /tmp/big   # 12 with a million formatted rows (2.6 MB), not kept here
npm run build:cli && /usr/bin/python3 scripts/corpus/verify_corpus.py [--xsd DIR]
```

`/usr/bin/python3` because python3-uno is Debian's (only `--lo` needs it; the rest is the standard
library). `verify_corpus.py` checks, for every file: the zip and its content types (every part has
one, every override names a part), every relationship's target exists, every XML part is
well-formed (`xmllint`), and with `--xsd` the SpreadsheetML, DrawingML, OPC and docProps parts
validate against the ECMA-376 Part 4 transitional schemas after markup-compatibility processing
(`mc:Ignorable` content removed, as a consumer does; x14/MS-XLSX extension content inside `extLst` is
not validated: no schema for it is at hand); `node bin/tc8.js evaluate` reads it with the expected
exit code and lists each commune with the expected verdicts (and each "marked" cell is a cell of a
failing condition in the results JSON); LibreOffice headless converts it to CSV (every sheet; 12 to
.ods instead, as its CSV would run to XFD1048576) and the communes' names are in the output.
The schemas are not in the repository: get `OfficeOpenXML-XMLSchema-Transitional.zip` from ECMA-376
Part 4 (https://ecma-international.org/publications-and-standards/standards/ecma-376/) and pass its
folder.

Provenance: every file is generated here. The hand-made ones are written part by part in Excel's
layout (scripts/corpus/families.py, ooxml.py); 01 and 08 are saved by LibreOffice through UNO
(scripts/corpus/lo_build.py), 08's VBA project by LibreOffice's own VBA exporter from Basic modules
in VBA mode. Nothing is copied from another project, so there is no third-party licence to carry.
The PNG is drawn by the script. Names of communes and districts are real; people and figures are
made up.

Verdicts: **Đạt** (pass), **Không đạt** (fail), **Thiếu dữ liệu** (missing data); "failing" lists
the indicators the command line names for that commune; "marked" is the communes-sheet input cell
of its failing condition, which TC8 highlights (none when the failure is in the villages or
postal-points sheet).
"""


def write_readme(out: str, metas: list[dict]) -> None:
    lines = [INTRO, "## Files\n"]
    lines.append("| file | family | communes (NTM / NC) | exit |")
    lines.append("|---|---|---|---|")
    for m in metas:
        vs = "; ".join(f"{c['name'].removeprefix('Xã ')} {abbr(c['ntm'])}/{abbr(c['nc'])}" for c in m["expect"]["communes"])
        lines.append(f"| [{m['file']}](#{anchor(m['file'])}) | {m['family'].split('. ', 1)[1]} | {vs} | {m['expect']['exit']} |")
    lines.append("\nĐ = Đạt, K = Không đạt, T = Thiếu dữ liệu.\n")
    for m in metas:
        lines.append(f"### {m['file']}\n")
        lines.append(f"**Family {m['family']}.** Made {m['made_by'] if m['made_by'].startswith('by') else 'by ' + m['made_by']}. {m['bytes']:,} bytes.\n")
        lines.append("Sheets: " + ", ".join(f"`{s['name']}` ({s['part']}, {s['role']})" for s in m["sheets"]) + ".\n")
        lines.append("Feature parts and elements:\n")
        for f in m["features"]:
            lines.append(f"- `{f['part']}` — `{f['path']}`: {f['what']}" + (f" (marker `{f['marker']}`)" if f.get("marker") else ""))
        keep = [p for p in m["parts"] if p not in m["may_edit"]]
        lines.append(f"\nParts that must stay byte-identical: {', '.join(f'`{p}`' for p in keep)}.")
        lines.append("\nInput cells:\n")
        for i in m["inputs"]:
            lines.append(f"- {i}")
        lines.append(f"\nExpected (exit {m['expect']['exit']}):\n")
        lines.append("| commune | row | NTM | NC | failing | why | marked |")
        lines.append("|---|---|---|---|---|---|---|")
        for c in m["expect"]["communes"]:
            lines.append(f"| {c['name']} | {c['row']} | {c['ntm']} | {c['nc']} | {c.get('failing', '')} | {c['story']} | {c.get('marked', '')} |")
        if m.get("notes"):
            lines.append(f"\n{m['notes']}")
        lines.append("")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def abbr(v: str) -> str:
    return {"Đạt": "Đ", "Không đạt": "K", "Thiếu dữ liệu": "T"}[v]


def anchor(name: str) -> str:
    return name.lower().replace(".", "")


if __name__ == "__main__":
    main()
