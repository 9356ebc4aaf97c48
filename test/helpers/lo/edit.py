"""
Edits .xlsx workbooks as a user would, in LibreOffice Calc (headless, through UNO), and saves them
as .xlsx again: what an official who inserted rows, renamed a sheet or typed in the checklist
hands back. One LibreOffice session serves a list of jobs.

usage: python3 edit.py jobs.json    (the system's python3, with Debian's python3-uno)
       python3 edit.py --serve       (one job a line on stdin, "ok" or "error: …" a line on stdout)
jobs.json: [{"input": path, "output": path, "ops": [{"op": ..., ...}, ...]}, ...]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # noqa: F401  (kept for notes with lines)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def connect(profile, pipe):
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError("LibreOffice did not start")


def sheet_of(doc, name):
    sheets = doc.Sheets
    if not sheets.hasByName(name):
        raise KeyError(f"no sheet {name!r}: {list(sheets.ElementNames)}")
    return sheets.getByName(name)


def cell(doc, op):
    return sheet_of(doc, op["sheet"]).getCellRangeByName(op["cell"])


def apply(doc, op):
    kind = op["op"]
    if kind == "insertRows":
        sheet_of(doc, op["sheet"]).Rows.insertByIndex(op["at"], op.get("count", 1))
    elif kind == "deleteRows":
        sheet_of(doc, op["sheet"]).Rows.removeByIndex(op["at"], op.get("count", 1))
    elif kind == "insertCols":
        sheet_of(doc, op["sheet"]).Columns.insertByIndex(op["at"], op.get("count", 1))
    elif kind == "deleteCols":
        sheet_of(doc, op["sheet"]).Columns.removeByIndex(op["at"], op.get("count", 1))
    elif kind == "renameSheet":
        sheet_of(doc, op["sheet"]).Name = op["to"]
    elif kind == "moveSheet":
        doc.Sheets.moveByName(op["sheet"], op["to"])
    elif kind == "addSheet":
        doc.Sheets.insertNewByName(op["sheet"], op.get("at", doc.Sheets.Count))
    elif kind == "set":
        c = cell(doc, op)
        v = op["value"]
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            c.setValue(v)
        else:
            c.setString(str(v))
    elif kind == "formula":
        cell(doc, op).setFormula(op["formula"])
    elif kind == "note":
        s = sheet_of(doc, op["sheet"])
        c = s.getCellRangeByName(op["cell"])
        ann = c.getAnnotation()
        if ann.getString():
            # A note already there: its text rewritten, as a user edits a note.
            ann.setString(op["text"])
        else:
            s.Annotations.insertNew(c.CellAddress, op["text"])
    elif kind == "fill":
        cell(doc, op).CellBackColor = int(op["color"], 16)
    elif kind == "bold":
        cell(doc, op).CharWeight = 150.0
    elif kind == "rowHeight":
        # Points to 1/100 mm.
        sheet_of(doc, op["sheet"]).Rows.getByIndex(op["row"]).Height = int(round(op["height"] * 2540 / 72))
    elif kind == "colWidth":
        # Characters to 1/100 mm as LibreOffice writes them back to .xlsx (measured: 246.9 a character).
        sheet_of(doc, op["sheet"]).Columns.getByIndex(op["col"]).Width = int(round(op["width"] * 246.9))
    elif kind == "hyperlink":
        c = cell(doc, op)
        text = c.getText()
        field = doc.createInstance("com.sun.star.text.TextField.URL")
        field.URL = op["url"]
        field.Representation = op.get("text", op["url"])
        text.setString("")
        text.insertTextContent(text.createTextCursor(), field, False)
    else:
        raise ValueError(f"unknown op {kind}")


def run(desktop, job):
    doc = desktop.loadComponentFromURL(url(job["input"]), "_blank", 0, (prop("Hidden", True),))
    try:
        for op in job["ops"]:
            apply(doc, op)
        doc.storeToURL(url(job["output"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    finally:
        doc.close(True)


def main():
    serve = sys.argv[1] == "--serve"
    profile = tempfile.mkdtemp(prefix="tc8-lo-edit-")
    pipe = f"tc8edit{os.getpid()}"
    proc, desktop = connect(profile, pipe)
    try:
        if serve:
            print("ready", flush=True)
            for line in sys.stdin:
                if not line.strip():
                    continue
                try:
                    run(desktop, json.loads(line))
                    print("ok", flush=True)
                except Exception as e:  # the caller reads the reason
                    print("error: " + repr(e).replace("\n", " "), flush=True)
        else:
            for job in json.load(open(sys.argv[1], encoding="utf-8")):
                run(desktop, job)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    main()
