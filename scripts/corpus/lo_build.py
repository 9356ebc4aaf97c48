"""The corpus's files saved by LibreOffice, driven through UNO (python3-uno, /usr/bin/python3).

LibreOffice must be listening: make_corpus.py --lo starts it with a private profile, or start it by
hand:  soffice --headless --invisible "--accept=socket,host=127.0.0.1,port=2310;urp;" \
          -env:UserInstallation=file:///tmp/lo-corpus
Each file starts as a hand-made workbook (families' forms), which LibreOffice opens, changes as a
user would (a chart, an image, a text box; Basic modules in VBA mode) and saves in its own way.
"""
from __future__ import annotations

import os
import re
import time
import zipfile
from typing import Any

import bits
from data import communes
from forms import TITLE, look, standard
from ooxml import DECL, Workbook, col_letter, write_zip

try:
    import uno  # type: ignore
    from com.sun.star.awt import Point, Size  # type: ignore
    from com.sun.star.beans import PropertyValue  # type: ignore
    from com.sun.star.table import CellRangeAddress  # type: ignore
except ImportError:  # the hand-made files need none of this
    uno = None


def pv(name: str, value: Any) -> Any:
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port: int, tries: int = 60) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(tries):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return ctx
        except Exception:  # noqa: BLE001 - LibreOffice still starting
            time.sleep(0.5)
    raise RuntimeError(f"LibreOffice is not listening on port {port}")


def url(path: str) -> str:
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _load(ctx: Any, path: str) -> Any:
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return desktop.loadComponentFromURL(url(path), "_blank", 0, (pv("Hidden", True),))


# ---------------------------------------------------------------- 01 chart, image, text box


def f01(ctx: Any, out: str, work: str) -> dict[str, Any]:
    wb = Workbook()
    wb.company = "UBND huyện Bình Gia"
    cs = communes("Bình Gia", [("Tân Văn", "pass"), ("Hồng Phong", "computers"), ("Mông Ân", "wifi"), ("Hoàng Văn Thụ", "internet"), ("Hoa Thám", "pass")], 5110)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Bình Gia – năm 2024", lk=look(wb))
    base = os.path.join(work, "01-base.xlsx")
    write_zip(base, wb.build())
    png_path = os.path.join(work, "emblem.png")
    with open(png_path, "wb") as f:
        f.write(bits.png())
    doc = _load(ctx, base)
    sheet = doc.Sheets.getByName("Xã")
    h0 = form.header_row - 1  # 0-based rows
    r1 = form.last_row - 1
    name_col = form.cols["commune"] - 1
    posts_col = form.cols["dossiers_online"] - 1
    below = sheet.getCellByPosition(1, form.last_row + 2).Position
    ranges = (CellRangeAddress(Sheet=0, StartColumn=name_col, StartRow=h0, EndColumn=name_col, EndRow=r1),
              CellRangeAddress(Sheet=0, StartColumn=posts_col, StartRow=h0, EndColumn=posts_col, EndRow=r1))
    from com.sun.star.awt import Rectangle  # type: ignore
    sheet.Charts.addNewByName("BieuDoTinBai", Rectangle(below.X, below.Y, 16000, 8000), ranges, True, True)
    chart = sheet.Charts.getByName("BieuDoTinBai").EmbeddedObject
    chart.HasMainTitle = True
    chart.Title.String = "Số hồ sơ TTHC giải quyết trực tuyến năm 2024"
    chart.HasLegend = False
    dp = sheet.DrawPage
    gp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", ctx)
    graphic = gp.queryGraphic((pv("URL", url(png_path)),))
    img = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
    img.Graphic = graphic
    dp.add(img)
    img.setSize(Size(2200, 2200))
    img.setPosition(Point(below.X + 16500, below.Y))
    img.Name = "Biểu trưng"
    img.Title = "Biểu trưng UBND huyện"
    img.Anchor = sheet.getCellByPosition(1 + 12, form.last_row + 2)
    tb = doc.createInstance("com.sun.star.drawing.TextShape")
    dp.add(tb)
    tb.setSize(Size(9000, 2600))
    tb.setPosition(Point(below.X + 19500, below.Y))
    tb.TextAutoGrowHeight = False
    tb.String = "Ghi chú: số liệu do UBND các xã báo cáo, tổng hợp ngày 20/11/2024.\nXã Hồng Phong đang bổ sung máy vi tính."
    tb.Name = "Ghi chú"
    tb.FillStyle = uno.Enum("com.sun.star.drawing.FillStyle", "SOLID")
    tb.FillColor = 0xFFF2CC
    tb.LineStyle = uno.Enum("com.sun.star.drawing.LineStyle", "SOLID")
    doc.storeToURL(url(out), (pv("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    parts = zipfile.ZipFile(out).namelist()
    find = lambda pat: [p for p in parts if re.fullmatch(pat, p)]  # noqa: E731
    drawing = find(r"xl/drawings/drawing\d+\.xml")
    chart_parts = find(r"xl/charts/chart\d+\.xml")
    media = find(r"xl/media/.*")
    from families import expect, inputs, q  # noqa: F401
    return {
        "family": "1. Made in LibreOffice: a chart, an embedded PNG image and a text box on the communes sheet",
        "made_by": "LibreOffice " + lo_version(ctx) + " (Calc MS Excel 2007 XML) from a hand-made base, through scripts/corpus/lo_build.py",
        "features": [
            {"part": ", ".join(drawing), "marker": 'txBox="1"', "path": "xdr:wsDr/xdr:twoCellAnchor/xdr:graphicFrame (chart), xdr:pic (image), xdr:sp[xdr:nvSpPr/xdr:cNvSpPr/@txBox='1'] (text box)",
             "what": "the communes sheet's drawing: chart 'BieuDoTinBai', picture 'Biểu trưng', text box 'Ghi chú'"},
            {"part": ", ".join(chart_parts), "marker": '<c:barChart>', "path": "c:chartSpace/c:chart/c:plotArea/c:barChart", "what": "a column chart over 'Xã' (commune names and dossiers handled online), title in Vietnamese"},
            {"part": ", ".join(media), "path": "(PNG bytes)", "what": "the embedded image"},
            {"part": "xl/styles.xml", "path": "styleSheet/cellXfs/xf", "what": "LibreOffice's style numbering (cellStyleXfs and cellXfs in its own order; many more xf than the hand-made base)"},
            {"part": "[Content_Types].xml", "path": "Types (no Override for a theme)", "what": "LibreOffice 7.4 writes no theme part: a writer that names xl/theme/theme1.xml in its output must also write it"},
            {"part": "xl/workbook.xml", "marker": '<workbookProtection/>', "path": "workbook/workbookProtection (empty)", "what": "LibreOffice writes an empty <workbookProtection/>: NOT a protection, TC8 must not refuse"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": [{"name": n, "part": f"xl/worksheets/sheet{i}.xml", "role": r} for i, (n, r) in enumerate([("Xã", "communes"), ("Thôn", "villages"), ("Điểm BĐVHX", "postal points")], 1)],
        "expect": expect(cs, form),
        "notes": "Re-running with --lo gives new bytes (LibreOffice stamps the time); the content is the same.",
    }


def lo_version(ctx: Any) -> str:
    cp = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    node = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (pv("nodepath", "/org.openoffice.Setup/Product"),))
    return str(node.getByName("ooSetupVersionAboutBox"))


# ---------------------------------------------------------------- 08 macro-enabled workbook


VBA_TONGHOP = """Option VBASupport 1
Option Explicit

' Dem so xa co ten trong sheet Xa va bao so xa thieu so lieu.
Sub DemXa()
    Dim ws As Worksheet, r As Long, n As Long, thieu As Long
    Set ws = wsXa
    For r = {r0} To {r1}
        If Len(Trim(ws.Cells(r, 2).Value)) > 0 Then
            n = n + 1
            If Application.WorksheetFunction.CountBlank(ws.Range(ws.Cells(r, 3), ws.Cells(r, {last}))) > 0 Then thieu = thieu + 1
        End If
    Next r
    MsgBox "So xa: " & n & vbCrLf & "Xa thieu so lieu: " & thieu, vbInformation, "TC8"
End Sub

' Callback of the ribbon button (customUI14.xml).
Sub NutDemXa(control As IRibbonControl)
    DemXa
End Sub
"""

CUSTOM_UI = ('<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">'
             '<ribbon><tabs><tab id="tabBaoCao" label="Báo cáo xã" insertAfterMso="TabHome">'
             '<group id="grpTC8" label="Tiêu chí 8"><button id="btnDemXa" label="Đếm xã" size="large" imageMso="CountIf" onAction="NutDemXa" '
             'screentip="Đếm số xã và số xã thiếu số liệu"/></group></tab></tabs></ribbon></customUI>')


def f08(ctx: Any, out: str, work: str) -> dict[str, Any]:
    wb = Workbook()
    wb.company = "UBND huyện Tràng Định"
    cs = communes("Tràng Định", [("Đại Đồng", "pass"), ("Chí Minh", "news"), ("Tri Phương", "plates"), ("Kim Đồng", "hours")], 6210)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Tràng Định – năm 2024", lk=look(wb))
    base = os.path.join(work, "08-base.xlsx")
    write_zip(base, wb.build())
    doc = _load(ctx, base)
    code_names = ["wsXa", "wsThon", "wsBuuChinh"]
    doc.CodeName = "ThisWorkbook"
    for i, n in enumerate(code_names):
        doc.Sheets.getByIndex(i).CodeName = n
    libs = doc.BasicLibraries
    libs.VBACompatibilityMode = True
    lib = libs.createLibrary("VBAProject")
    libs.ProjectName = "VBAProject"  # LibreOffice exports the library named like the project
    from com.sun.star.script import ModuleInfo  # type: ignore

    def module(name: str, kind: str, source: str) -> None:
        mi = ModuleInfo()
        mi.ModuleType = uno.getConstantByName("com.sun.star.script.ModuleType." + kind)
        lib.insertModuleInfo(name, mi)
        lib.insertByName(name, source)

    module("ThisWorkbook", "DOCUMENT", "Option VBASupport 1\n")
    for n in code_names:
        module(n, "DOCUMENT", "Option VBASupport 1\n")
    module("TongHop", "NORMAL", VBA_TONGHOP.format(r0=form.first_row, r1=form.last_row, last=form.last_col))
    raw = os.path.join(work, "08-lo.xlsm")
    doc.storeToURL(url(raw), (pv("FilterName", "Calc MS Excel 2007 VBA XML"),))
    doc.close(True)
    # LibreOffice writes the VBA project but neither code names nor a ribbon: add them as Excel has them.
    with zipfile.ZipFile(raw) as z:
        files = {i.filename: z.read(i.filename) for i in z.infolist()}
    wbx = files["xl/workbook.xml"].decode("utf-8")
    wbx = re.sub(r"<workbookPr ", '<workbookPr codeName="ThisWorkbook" ', wbx, count=1)
    files["xl/workbook.xml"] = wbx.encode("utf-8")
    for i, n in enumerate(code_names, 1):
        p = f"xl/worksheets/sheet{i}.xml"
        x = files[p].decode("utf-8")
        x = re.sub(r"<sheetPr( |>|/>)", lambda m: f'<sheetPr codeName="{n}"' + m.group(1), x, count=1)
        files[p] = x.encode("utf-8")
    files["customUI/customUI14.xml"] = (DECL + CUSTOM_UI).encode("utf-8")
    rels = files["_rels/.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdUI14" Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
                                            'Target="customUI/customUI14.xml"/></Relationships>')
    files["_rels/.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    from families import expect, inputs
    return {
        "family": "8. A macro-enabled workbook (.xlsm): a real VBA project, a ribbon customisation, sheet code names",
        "made_by": "LibreOffice " + lo_version(ctx) + " (Calc MS Excel 2007 VBA XML, Basic library in VBA mode) from a hand-made base; "
                   "codeName attributes and customUI/customUI14.xml added by scripts/corpus/lo_build.py after saving",
        "features": [
            {"part": "xl/vbaProject.bin", "path": "(CFB: PROJECT, PROJECTwm, VBA/dir, VBA/_VBA_PROJECT, VBA/ThisWorkbook, VBA/wsXa, VBA/wsThon, VBA/wsBuuChinh, VBA/TongHop)",
             "what": "a VBA project written by LibreOffice's VBA exporter: document modules for the workbook and each sheet, a standard module TongHop (Sub DemXa, Sub NutDemXa)"},
            {"part": "[Content_Types].xml", "marker": 'macroEnabled.main+xml', "path": "Override[@PartName='/xl/workbook.xml']/@ContentType = application/vnd.ms-excel.sheet.macroEnabled.main+xml; Override[@PartName='/xl/vbaProject.bin']",
             "what": "macro-enabled workbook content types"},
            {"part": "xl/_rels/workbook.xml.rels", "marker": 'relationships/vbaProject', "path": "Relationship[@Type='http://schemas.microsoft.com/office/2006/relationships/vbaProject']", "what": "the workbook's link to vbaProject.bin"},
            {"part": "xl/workbook.xml", "marker": 'codeName="ThisWorkbook"', "path": "workbook/workbookPr/@codeName='ThisWorkbook'", "what": "workbook code name"},
            {"part": "xl/worksheets/sheet1.xml", "marker": 'codeName="wsXa"', "path": "worksheet/sheetPr/@codeName", "what": "code name wsXa (sheet2.xml: wsThon, sheet3.xml: wsBuuChinh), the VBA document modules' names"},
            {"part": "customUI/customUI14.xml", "marker": 'id="tabBaoCao"', "path": "mso14:customUI/ribbon/tabs/tab[@id='tabBaoCao']", "what": "a ribbon tab 'Báo cáo xã' with a button calling NutDemXa; package relationship type http://schemas.microsoft.com/office/2007/relationships/ui/extensibility in _rels/.rels"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": [{"name": n, "part": f"xl/worksheets/sheet{i}.xml", "role": r} for i, (n, r) in enumerate([("Xã", "communes"), ("Thôn", "villages"), ("Điểm BĐVHX", "postal points")], 1)],
        "expect": expect(cs, form),
        "notes": "The output must stay .xlsm (same content type, vbaProject.bin byte-identical, codeName attributes kept). "
                 "Re-running with --lo gives new bytes (LibreOffice stamps the time and a new project ID).",
    }


def col(i: int) -> str:
    return col_letter(i)
