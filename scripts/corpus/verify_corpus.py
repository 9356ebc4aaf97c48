#!/usr/bin/python3
"""Checks every workbook of test/fixtures/corpus against manifest.json:

1. the package: a zip whose every part has a content type, every override names a part, every
   internal relationship's target exists;
2. every XML part is well-formed (xmllint);
3. with --xsd DIR (the ECMA-376 Part 4 transitional schemas): SpreadsheetML, DrawingML, OPC and
   docProps parts validate, after markup-compatibility processing (what mc:Ignorable marks is
   removed, mc:AlternateContent becomes its Fallback, as a consumer that knows no extension does);
4. `node bin/tc8.js evaluate` exits as expected and gives each commune the expected verdicts, and
   each expected marked cell is a cell of a failing (or missing) condition; with --losses, what
   the written copy lost (parts outside may_edit changed, feature markers gone), for information;
5. LibreOffice headless converts it to CSV (every sheet; .ods for a file whose manifest says
   "smoke": "ods") and the communes are in it.

  npm run build:cli && /usr/bin/python3 scripts/corpus/verify_corpus.py [--xsd DIR] [--losses] [--no-lo] [FILE…]

Prints one line per check and file; exits 1 when anything differs from the manifest.
"""
from __future__ import annotations

import argparse
import glob
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(ROOT, "test", "fixtures", "corpus")
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VERDICT = {"pass": "Đạt", "fail": "Không đạt", "missing": "Thiếu dữ liệu"}

SCHEMA_BY_TYPE = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "sml.xsd",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml": "sml.xsd",
    "application/vnd.openxmlformats-officedocument.theme+xml": "dml-main.xsd",
    "application/vnd.openxmlformats-officedocument.drawing+xml": "dml-spreadsheetDrawing.xsd",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml": "dml-chart.xsd",
    "application/vnd.openxmlformats-package.core-properties+xml": "opc-coreProperties.xsd",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": "shared-documentPropertiesExtended.xsd",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": "shared-documentPropertiesCustom.xsd",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml": "shared-customXmlDataProperties.xsd",
    "application/vnd.openxmlformats-package.relationships+xml": "opc-relationships.xsd",
}

failures: list[str] = []


def report(file: str, check: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok ' if ok else 'BAD'} {file:44} {check:12} {detail}")
    if not ok:
        failures.append(f"{file}: {check}: {detail}")


def content_types(z: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    root = ET.fromstring(z.read("[Content_Types].xml"))
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {e.get("Extension").lower(): e.get("ContentType") for e in root.iter(ns + "Default")}
    overrides = {e.get("PartName").lstrip("/"): e.get("ContentType") for e in root.iter(ns + "Override")}
    return defaults, overrides


def type_of(part: str, defaults: dict[str, str], overrides: dict[str, str]) -> str | None:
    if part in overrides:
        return overrides[part]
    return defaults.get(part.rsplit(".", 1)[-1].lower()) if "." in part else None


def check_package(name: str, z: zipfile.ZipFile) -> dict[str, str]:
    parts = [n for n in z.namelist() if not n.endswith("/")]
    defaults, overrides = content_types(z)
    untyped = [p for p in parts if p != "[Content_Types].xml" and not type_of(p, defaults, overrides)]
    missing = [p for p in overrides if p not in parts]
    report(name, "content types", not untyped and not missing, f"untyped {untyped}" if untyped else f"overrides without a part {missing}" if missing else f"{len(parts)} parts")
    broken = []
    nrels = 0
    for rels in [p for p in parts if p.endswith(".rels")]:
        base = posixpath.dirname(posixpath.dirname(rels))  # "xl/_rels/workbook.xml.rels" → "xl"
        for r in ET.fromstring(z.read(rels)):
            nrels += 1
            if r.get("TargetMode") == "External":
                continue
            t = r.get("Target")
            target = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(base, t))
            if target not in parts:
                broken.append(f"{rels} → {t}")
    report(name, "relationships", not broken, f"broken {broken}" if broken else f"{nrels} relationships")
    return {p: type_of(p, defaults, overrides) or "" for p in parts}


def well_formed(name: str, z: zipfile.ZipFile, types: dict[str, str]) -> None:
    bad = []
    xmlish = [p for p in types if p.endswith((".xml", ".rels", ".vml")) or types[p].endswith("+xml") or types[p] == "application/xml"]
    for p in xmlish:
        r = subprocess.run(["xmllint", "--noout", "-"], input=z.read(p), capture_output=True)
        if r.returncode:
            bad.append(f"{p}: {r.stderr.decode(errors='replace').strip().splitlines()[0]}")
    report(name, "well-formed", not bad, "; ".join(bad) if bad else f"{len(xmlish)} XML parts")


def mce(data: bytes) -> bytes:
    """Markup compatibility: drop what mc:Ignorable names, keep AlternateContent's Fallback."""
    nsmap: dict[str, str] = {}
    for ev, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
        nsmap.setdefault(prefix, uri)
    for prefix, uri in nsmap.items():  # keep the part's own prefixes: QName values (xsi:type="dcterms:W3CDTF") use them
        if prefix and not prefix.startswith("ns"):
            ET.register_namespace(prefix, uri)
    root = ET.fromstring(data)
    ignorable: set[str] = set()
    for el in root.iter():
        v = el.attrib.pop(f"{{{MC}}}Ignorable", None)
        if v:
            ignorable |= {nsmap.get(p, p) for p in v.split()}

    def ns(tag: str) -> str:
        return tag[1:].split("}")[0] if tag.startswith("{") else ""

    def clean(el: ET.Element) -> None:
        # xml:space is allowed on every element by XML itself; the ECMA schemas do not declare it on <t>.
        for a in [a for a in el.attrib if ns(a) in ignorable or ns(a) == MC or a == "{http://www.w3.org/XML/1998/namespace}space"]:
            del el.attrib[a]
        new: list[ET.Element] = []
        for ch in list(el):
            if ch.tag == f"{{{MC}}}AlternateContent":
                fb = ch.find(f"{{{MC}}}Fallback")
                new.extend(list(fb) if fb is not None else [])
            elif ns(ch.tag) in ignorable:
                continue
            else:
                new.append(ch)
        el[:] = new
        for ch in el:
            clean(ch)

    clean(root)
    return ET.tostring(root)


def local_schemas(src: str, tmp: str) -> str:
    """A copy of the schema folder whose imports of dc.xsd, dcterms.xsd and xml.xsd point to the local files."""
    dst = os.path.join(tmp, "xsd")
    os.makedirs(dst, exist_ok=True)
    for f in os.listdir(src):
        if f.endswith(".xsd"):
            with open(os.path.join(src, f), encoding="utf-8") as fh:
                text = re.sub(r'schemaLocation="https?://[^"]*/([^/"]+\.xsd)"', r'schemaLocation="\1"', fh.read())
            with open(os.path.join(dst, f), "w", encoding="utf-8") as fh:
                fh.write(text)
    return dst


def schemas(name: str, z: zipfile.ZipFile, types: dict[str, str], xsd: str) -> None:
    bad, n = [], 0
    for p, t in types.items():
        schema = SCHEMA_BY_TYPE.get(t)
        if p == "[Content_Types].xml":
            schema = "opc-contentTypes.xsd"
        if not schema:
            continue
        n += 1
        r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(xsd, schema), "-"], input=mce(z.read(p)), capture_output=True)
        if r.returncode:
            msgs = [m for m in r.stderr.decode(errors="replace").splitlines() if "validates" not in m and m.strip()]
            bad.append(f"{p}: {msgs[0] if msgs else r.returncode}")
    report(name, "schemas", not bad, "; ".join(bad) if bad else f"{n} parts valid")


def losses(name: str, path: str, out: str, meta: dict) -> None:
    """What the written copy lost: parts outside may_edit not byte-identical, feature markers gone."""
    if not os.path.exists(out):
        print(f"    {name}: no output written")
        return
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(out) as zo:
        got = set(zo.namelist())
        changed = [p for p in meta["parts"] if p not in meta["may_edit"] and (p not in got or zi.read(p) != zo.read(p))]
        gone = [f"{f['part']}: {f['marker']}" for f in meta["features"] if f.get("marker")
                and (f["part"] not in got or f["marker"].encode("utf-8") not in zo.read(f["part"]))]
    keep = [p for p in meta["parts"] if p not in meta["may_edit"]]
    print(f"    {name}: {len(keep) - len(changed)}/{len(keep)} parts byte-identical" + (f"; changed or lost {changed}" if changed else ""))
    print(f"    {name}: {len([f for f in meta['features'] if f.get('marker')]) - len(gone)} feature markers kept" + (f"; lost {gone}" if gone else ""))


def evaluate(name: str, path: str, meta: dict, tmp: str, show_losses: bool = False) -> None:
    out, js = os.path.join(tmp, "out" + os.path.splitext(name)[1]), os.path.join(tmp, "out.json")
    for p in (out, js):
        if os.path.exists(p):
            os.remove(p)
    r = subprocess.run(["node", os.path.join(ROOT, "bin", "tc8.js"), "evaluate", path, "-o", out, "--json", js], capture_output=True, text=True, timeout=300)
    want = meta["expect"]
    report(name, "exit code", r.returncode == want["exit"], f"expected {want['exit']}, got {r.returncode}" + (f" ({r.stderr.strip().splitlines()[0]})" if r.returncode and r.stderr.strip() else ""))
    if not os.path.exists(js):
        report(name, "verdicts", want["exit"] != 0, "no results JSON written")
        return
    with open(js, encoding="utf-8") as f:
        res = json.load(f)
    got = {c["name"]: c for c in res["communes"]}
    diffs = []
    for c in want["communes"]:
        g = got.get(c["name"])
        if not g:
            diffs.append(f"{c['name']} not read")
            continue
        v = (VERDICT[g["levels"]["ntm"]["verdict"]], VERDICT[g["levels"]["nc"]["verdict"]])
        if v != (c["ntm"], c["nc"]):
            diffs.append(f"{c['name']}: expected {c['ntm']}/{c['nc']}, got {v[0]}/{v[1]}")
        if c.get("marked"):
            cells = {cell for lv in g["levels"].values() for ind in lv["indicators"].values() for cond in ind["conditions"]
                     if cond["verdict"] != "pass" for cell in cond.get("cells", [])}
            if c["marked"] not in cells:
                diffs.append(f"{c['name']}: {c['marked']} is not a failing condition's cell ({sorted(cells)})")
    extra = [n for n in got if n not in {c["name"] for c in want["communes"]}]
    if extra:
        diffs.append(f"unexpected communes {extra}")
    report(name, "verdicts", not diffs, "; ".join(diffs) if diffs else f"{len(want['communes'])} communes as expected")
    if show_losses:
        losses(name, path, out, meta)


def libreoffice(paths: list[str], metas: dict[str, dict], tmp: str) -> None:
    """CSV of every sheet; .ods for a sheet that reaches XFD1048576 (its CSV would be 17 billion commas)."""
    outdir = os.path.join(tmp, "lo")
    os.makedirs(outdir, exist_ok=True)
    profile = os.path.join(tmp, "lo-profile")
    csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    groups = {csv: [p for p in paths if metas[os.path.basename(p)].get("smoke") != "ods"],
              "ods": [p for p in paths if metas[os.path.basename(p)].get("smoke") == "ods"]}
    err = ""
    for filt, group in groups.items():
        if group:
            r = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", filt, "--outdir", outdir, *group],
                               capture_output=True, text=True, timeout=900)
            err += r.stderr
    for p in paths:
        name = os.path.basename(p)
        stem = os.path.splitext(name)[0]
        if metas[name].get("smoke") == "ods":
            ods = os.path.join(outdir, stem + ".ods")
            outs = [ods] if os.path.exists(ods) else []
            text = zipfile.ZipFile(ods).read("content.xml").decode("utf-8") if outs else ""
            what = "converted to .ods"
        else:
            outs = glob.glob(os.path.join(outdir, glob.escape(stem) + "-*.csv"))
            text = ""
            for c in outs:
                with open(c, encoding="utf-8", errors="replace") as f:
                    text += f.read()
            what = f"{len(outs)} sheets to CSV"
        missing = [c["name"] for c in metas[name]["expect"]["communes"] if c["name"] not in text]
        ok = bool(outs) and not missing
        report(name, "LibreOffice", ok, f"{what}, communes found" if ok else f"{what}; missing {missing}; {err.strip()[:200]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="corpus files (default: every file in the manifest)")
    ap.add_argument("--xsd", help="folder of the ECMA-376 transitional schemas (sml.xsd, dml-main.xsd, opc-*.xsd …)")
    ap.add_argument("--no-lo", action="store_true", help="skip the LibreOffice conversion")
    ap.add_argument("--no-tc8", action="store_true", help="skip the tc8 evaluation")
    ap.add_argument("--losses", action="store_true", help="also say what tc8's written copy lost (information, not a failure)")
    a = ap.parse_args()
    with open(os.path.join(CORPUS, "manifest.json"), encoding="utf-8") as f:
        metas = {m["file"]: m for m in json.load(f)["files"]}
    names = [os.path.basename(f) for f in a.files] or sorted(metas)
    on_disk = sorted(os.path.basename(p) for p in glob.glob(os.path.join(CORPUS, "*.xls[xm]")))
    if not a.files and on_disk != sorted(metas):
        report("corpus", "manifest", False, f"files {on_disk} vs manifest {sorted(metas)}")
    tmp = tempfile.mkdtemp(prefix="tc8-verify-")
    try:
        xsd = local_schemas(a.xsd, tmp) if a.xsd else None
        for name in names:
            path = os.path.join(CORPUS, name)
            with zipfile.ZipFile(path) as z:
                bad = z.testzip()
                report(name, "zip", bad is None, f"bad entry {bad}" if bad else f"{os.path.getsize(path):,} bytes")
                types = check_package(name, z)
                listed = metas[name].get("parts")
                if listed is not None and sorted(types) != listed:
                    report(name, "parts", False, "the package's parts differ from manifest.json (re-run make_corpus.py)")
                well_formed(name, z, types)
                missing = [f"{f['part']}: {f['marker']}" for f in metas[name]["features"] if f.get("marker")
                           and (f["part"] not in types or f["marker"].encode("utf-8") not in z.read(f["part"]))]
                report(name, "markers", not missing, f"not in the input: {missing}" if missing else "every feature marker is in its part")
                if xsd:
                    schemas(name, z, types, xsd)
            if not a.no_tc8:
                evaluate(name, path, metas[name], tmp, a.losses)
        if not a.no_lo and shutil.which("soffice"):
            libreoffice([os.path.join(CORPUS, n) for n in names], metas, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{len(failures)} problem(s)" + ("".join(f"\n  {f}" for f in failures) if failures else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
