"""A small SpreadsheetML package writer that writes parts the way Excel does, for fixtures.

Not a general library: it writes exactly what the corpus needs and lets each family add its own
XML (worksheet elements in schema order, parts, relationships, content types) by hand. Output is
deterministic (fixed zip dates, stable ordering), so re-running the generator gives the same bytes.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape as _esc

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
NS_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
NS_XM = "http://schemas.microsoft.com/office/excel/2006/main"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CT = {
    "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "workbook_macro": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "worksheet": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "styles": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    "sst": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "app": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "custom": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    "comments": "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
    "vml": "application/vnd.openxmlformats-officedocument.vmlDrawing",
    "table": "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
    "externalLink": "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
    "customXmlProps": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    "threadedComments": "application/vnd.ms-excel.threadedcomments+xml",
    "person": "application/vnd.ms-excel.person+xml",
    "printerSettings": "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
    "drawing": "application/vnd.openxmlformats-officedocument.drawing+xml",
}


def esc(s: str) -> str:
    return _esc(s)


def attr(s: Any) -> str:
    return _esc(str(s), {'"': "&quot;"})


def col_letter(c: int) -> str:
    """1 → A, 16384 → XFD."""
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r: int, c: int) -> str:
    return f"{col_letter(c)}{r}"


def parse_ref(a: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", a)
    assert m, a
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)), c


def t_elem(text: str) -> str:
    """A <t> element, with xml:space="preserve" where Excel writes it (edge or double spaces, newlines)."""
    keep = text != text.strip() or "\n" in text or "  " in text or "\t" in text
    return f'<t xml:space="preserve">{esc(text)}</t>' if keep else f"<t>{esc(text)}</t>"


# ---------------------------------------------------------------- cells


@dataclass
class F:
    """A formula with its cached value (number, string, bool or error text like '#REF!')."""

    formula: str
    cached: Any = None
    kind: str | None = None  # 'str', 'b', 'e'; None → number


@dataclass
class Raw:
    """A cell written exactly as given (its inner XML and extra attributes)."""

    inner: str
    attrs: str = ""


@dataclass
class SharedRaw:
    """A shared string given as the raw inner XML of its <si> (rich text, phonetic runs, escapes)."""

    si: str


# ---------------------------------------------------------------- styles


class Styles:
    """styles.xml with deduplicated fonts, fills, borders, number formats and cell formats."""

    def __init__(self, font: str = '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>'):
        self.fonts = [f"<font>{font}</font>"]
        self.fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']
        self.borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"]
        self.numfmts: dict[str, int] = {}
        self.xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        self.dxfs: list[str] = []
        self.extra_cell_styles: list[str] = []  # more <cellStyle> beside Normal
        self.extra_style_xfs: list[str] = []
        self.table_styles = '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
        self.colors = ""  # <colors> element (indexedColors / mruColors)
        self.ext = ""  # <extLst> of styles

    @staticmethod
    def _add(lst: list[str], x: str) -> int:
        if x not in lst:
            lst.append(x)
        return lst.index(x)

    def numfmt(self, code: str) -> int:
        builtin = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49,
                   "d/m/yyyy": 14, "mm-dd-yy": 14, "h:mm": 20, "[h]:mm:ss": 46}
        if code in builtin:
            return builtin[code]
        if code not in self.numfmts:
            self.numfmts[code] = 164 + len(self.numfmts)
        return self.numfmts[code]

    def xf(self, font: str | None = None, fill: str | None = None, border: str | None = None, numfmt: str | None = None,
           align: str | None = None, protection: str | None = None, quote: bool = False) -> int:
        """A cell format; font/border inner XML, fill as an RGB ('FFFF00') or full <fill> XML, align as <alignment> attributes."""
        font_id = self._add(self.fonts, f"<font>{font}</font>") if font else 0
        if fill and not fill.startswith("<"):
            fill = f'<fill><patternFill patternType="solid"><fgColor rgb="FF{fill}"/><bgColor indexed="64"/></patternFill></fill>'
        fill_id = self._add(self.fills, fill) if fill else 0
        border_id = self._add(self.borders, f"<border>{border}</border>") if border else 0
        nf = self.numfmt(numfmt) if numfmt else 0
        a = f' numFmtId="{nf}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0"'
        if quote:
            a += ' quotePrefix="1"'
        if nf:
            a += ' applyNumberFormat="1"'
        if font:
            a += ' applyFont="1"'
        if fill:
            a += ' applyFill="1"'
        if border:
            a += ' applyBorder="1"'
        if align:
            a += ' applyAlignment="1"'
        if protection:
            a += ' applyProtection="1"'
        inner = (f"<alignment {align}/>" if align else "") + (f"<protection {protection}/>" if protection else "")
        x = f"<xf{a}>{inner}</xf>" if inner else f"<xf{a}/>"
        return self._add(self.xfs, x)

    def dxf(self, inner: str) -> int:
        return self._add(self.dxfs, f"<dxf>{inner}</dxf>")

    def xml(self) -> str:
        nf = "".join(f'<numFmt numFmtId="{i}" formatCode="{attr(c)}"/>' for c, i in self.numfmts.items())
        parts = [DECL, f'<styleSheet xmlns="{NS_MAIN}" xmlns:mc="{NS_MC}" mc:Ignorable="x14ac" xmlns:x14ac="{NS_X14AC}">']
        if nf:
            parts.append(f'<numFmts count="{len(self.numfmts)}">{nf}</numFmts>')
        parts.append(f'<fonts count="{len(self.fonts)}" x14ac:knownFonts="1">{"".join(self.fonts)}</fonts>')
        parts.append(f'<fills count="{len(self.fills)}">{"".join(self.fills)}</fills>')
        parts.append(f'<borders count="{len(self.borders)}">{"".join(self.borders)}</borders>')
        sx = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'] + self.extra_style_xfs
        parts.append(f'<cellStyleXfs count="{len(sx)}">{"".join(sx)}</cellStyleXfs>')
        parts.append(f'<cellXfs count="{len(self.xfs)}">{"".join(self.xfs)}</cellXfs>')
        cs = ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'] + self.extra_cell_styles
        parts.append(f'<cellStyles count="{len(cs)}">{"".join(cs)}</cellStyles>')
        parts.append(f'<dxfs count="{len(self.dxfs)}">{"".join(self.dxfs)}</dxfs>' if self.dxfs else '<dxfs count="0"/>')
        parts.append(self.table_styles)
        parts.append(self.colors)
        parts.append(self.ext or (
            '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="' + NS_X14 + '">'
            '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>'))
        parts.append("</styleSheet>")
        return "".join(parts)


# ---------------------------------------------------------------- worksheets

# CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99).
WS_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
            "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
            "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
            "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
            "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
            "tableParts", "extLst"]


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], tuple[Any, int]] = field(default_factory=dict)  # (r, c) → (value, style)
    rows: dict[int, dict[str, Any]] = field(default_factory=dict)  # row attributes (ht, hidden, s, customFormat…)
    elems: dict[str, str] = field(default_factory=dict)  # worksheet elements by name (whole XML)
    rels: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # (id, type, target, mode)
    state: str | None = None  # hidden / veryHidden
    dimension: str | None = None  # forced <dimension ref>
    ns_extra: str = ""  # extra namespace declarations on <worksheet>
    part: str = ""  # set by Workbook

    def set(self, r: int, c: int, value: Any, style: int = 0) -> None:
        self.cells[(r, c)] = (value, style)

    def style(self, r: int, c: int, style: int) -> None:
        v = self.cells.get((r, c), (None, 0))[0]
        self.cells[(r, c)] = (v, style)

    def rel(self, typ: str, target: str, mode: str | None = None) -> str:
        rid = f"rId{len(self.rels) + 1}"
        self.rels.append((rid, typ, target, mode))
        return rid

    def add(self, name: str, xml: str) -> None:
        """A worksheet element; several of one kind (conditionalFormatting) are concatenated."""
        assert name in WS_ORDER, name
        self.elems[name] = self.elems.get(name, "") + xml


class Workbook:
    def __init__(self, styles: Styles | None = None):
        self.sheets: list[Sheet] = []
        self.styles = styles or Styles()
        self.sst: list[str] = []  # <si> inner XML
        self.sst_index: dict[str, int] = {}
        self.sst_refs = 0
        self.defined_names: list[str] = []  # <definedName> XML
        self.workbook_pr = '<workbookPr defaultThemeVersion="166925"/>'
        self.workbook_protection = ""
        self.external_refs: list[str] = []  # r:ids in workbook rels
        self.wb_rels: list[tuple[str, str, str, str | None]] = []  # extra workbook rels (type, target, mode) with ids
        self.parts: dict[str, bytes] = {}  # extra parts
        self.overrides: dict[str, str] = {}  # part name → content type
        self.defaults: dict[str, str] = {}
        self.root_rels: list[tuple[str, str, str | None]] = []  # extra package rels (type, target, mode)
        self.theme_xml = theme()
        self.creator = "Phòng Văn hóa và Thông tin"
        self.company = "UBND huyện"
        self.created = "2024-03-04T02:15:00Z"
        self.modified = "2024-11-20T08:42:31Z"
        self.title: str | None = None
        self.macro = False
        self.calc_pr = '<calcPr calcId="191029"/>'
        self.workbook_ext = ""  # extLst of workbook

    def sheet(self, name: str) -> Sheet:
        s = Sheet(name)
        self.sheets.append(s)
        return s

    def shared(self, v: str | SharedRaw) -> int:
        si = v.si if isinstance(v, SharedRaw) else t_elem(v)
        self.sst_refs += 1
        if si not in self.sst_index:
            self.sst_index[si] = len(self.sst)
            self.sst.append(si)
        return self.sst_index[si]

    def wb_rel(self, typ: str, target: str, mode: str | None = None) -> str:
        """A workbook relationship beyond sheets, theme, styles and shared strings (add every sheet first)."""
        rid = f"rId{len(self.sheets) + 4 + len(self.wb_rels)}"
        self.wb_rels.append((rid, typ, target, mode))
        self._sheets_at_rel = len(self.sheets)
        return rid

    def part(self, name: str, data: str | bytes, content_type: str | None = None) -> None:
        self.parts[name] = data.encode("utf-8") if isinstance(data, str) else data
        if content_type:
            self.overrides[name] = content_type

    # ------------------------------------------------------------ serialising

    def _cell(self, r: int, c: int, value: Any, style: int) -> str:
        a = f'<c r="{ref(r, c)}"' + (f' s="{style}"' if style else "")
        if value is None:
            return a + "/>"
        if isinstance(value, Raw):
            return f"{a}{value.attrs}>{value.inner}</c>"
        if isinstance(value, bool):
            return f'{a} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f"{a}><v>{num(value)}</v></c>"
        if isinstance(value, (str, SharedRaw)):
            return f'{a} t="s"><v>{self.shared(value)}</v></c>'
        if isinstance(value, F):
            f = f"<f>{esc(value.formula)}</f>"
            if value.cached is None:
                return f"{a}>{f}</c>"
            if value.kind == "str":
                return f'{a} t="str">{f}<v>{esc(str(value.cached))}</v></c>'
            if value.kind == "b":
                return f'{a} t="b">{f}<v>{int(bool(value.cached))}</v></c>'
            if value.kind == "e":
                return f'{a} t="e">{f}<v>{esc(str(value.cached))}</v></c>'
            return f"{a}>{f}<v>{num(value.cached)}</v></c>"
        raise TypeError(value)

    def _sheet_xml(self, s: Sheet) -> str:
        rows: dict[int, list[tuple[int, Any, int]]] = {}
        for (r, c), (v, st) in s.cells.items():
            rows.setdefault(r, []).append((c, v, st))
        all_rows = sorted(set(rows) | set(s.rows))
        out = []
        for r in all_rows:
            cells = sorted(rows.get(r, []))
            ra = s.rows.get(r, {})
            a = f'<row r="{r}"'
            if cells:
                a += f' spans="{cells[0][0]}:{cells[-1][0]}"'
            for k in ("s", "customFormat", "ht", "hidden", "customHeight", "outlineLevel", "collapsed", "thickBot"):
                if k in ra:
                    a += f' {k}="{ra[k]}"'
            body = "".join(self._cell(r, c, v, st) for c, v, st in cells)
            out.append(f"{a}>{body}</row>" if body else f"{a}/>")
        if s.dimension:
            dim = s.dimension
        elif s.cells:
            rs = [r for r, _ in s.cells]
            cs = [c for _, c in s.cells]
            dim = ref(min(rs), min(cs)) + (":" + ref(max(rs), max(cs)) if (max(rs), max(cs)) != (min(rs), min(cs)) else "")
        else:
            dim = "A1"
        elems = dict(s.elems)
        elems.setdefault("dimension", f'<dimension ref="{dim}"/>')
        elems.setdefault("sheetViews", '<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
        elems.setdefault("sheetFormatPr", '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>')
        elems["sheetData"] = f"<sheetData>{''.join(out)}</sheetData>" if out else "<sheetData/>"
        elems.setdefault("pageMargins", '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        head = (f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}" xmlns:mc="{NS_MC}" mc:Ignorable="x14ac" '
                f'xmlns:x14ac="{NS_X14AC}"{s.ns_extra}>')
        return DECL + head + "".join(elems[k] for k in WS_ORDER if k in elems) + "</worksheet>"

    def build(self) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        overrides: dict[str, str] = {}
        # sheets first: they fill the shared strings
        for i, s in enumerate(self.sheets, 1):
            s.part = f"xl/worksheets/sheet{i}.xml"
        for s in self.sheets:
            files[s.part] = self._sheet_xml(s).encode("utf-8")
            overrides[s.part] = CT["worksheet"]
            if s.rels:
                files[s.part.replace("worksheets/", "worksheets/_rels/") + ".rels"] = rels_xml(s.rels).encode("utf-8")
        n = len(self.sheets)
        assert not self.wb_rels or self._sheets_at_rel == n, "add every sheet before workbook relationships"
        wb_rels = [(f"rId{i}", f"{REL}/worksheet", f"worksheets/sheet{i}.xml", None) for i in range(1, n + 1)]
        wb_rels += [(f"rId{n + 1}", f"{REL}/theme", "theme/theme1.xml", None),
                    (f"rId{n + 2}", f"{REL}/styles", "styles.xml", None),
                    (f"rId{n + 3}", f"{REL}/sharedStrings", "sharedStrings.xml", None)]
        wb_rels += self.wb_rels
        sheets = "".join(f'<sheet name="{attr(s.name)}" sheetId="{i}"' + (f' state="{s.state}"' if s.state else "") + f' r:id="rId{i}"/>'
                         for i, s in enumerate(self.sheets, 1))
        active = next(i for i, s in enumerate(self.sheets) if not s.state)
        wb = [DECL, f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">',
              '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>', self.workbook_pr, self.workbook_protection,
              f'<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"'
              + (f' activeTab="{active}"' if active else "") + "/></bookViews>",
              f"<sheets>{sheets}</sheets>"]
        if self.external_refs:
            wb.append("<externalReferences>" + "".join(f'<externalReference r:id="{r}"/>' for r in self.external_refs) + "</externalReferences>")
        if self.defined_names:
            wb.append(f"<definedNames>{''.join(self.defined_names)}</definedNames>")
        wb.append(self.calc_pr)
        wb.append(self.workbook_ext)
        wb.append("</workbook>")
        files["xl/workbook.xml"] = "".join(wb).encode("utf-8")
        overrides["xl/workbook.xml"] = CT["workbook_macro"] if self.macro else CT["workbook"]
        files["xl/_rels/workbook.xml.rels"] = rels_xml(wb_rels).encode("utf-8")
        files["xl/theme/theme1.xml"] = self.theme_xml.encode("utf-8")
        overrides["xl/theme/theme1.xml"] = CT["theme"]
        files["xl/styles.xml"] = self.styles.xml().encode("utf-8")
        overrides["xl/styles.xml"] = CT["styles"]
        sst = DECL + f'<sst xmlns="{NS_MAIN}" count="{self.sst_refs}" uniqueCount="{len(self.sst)}">' + "".join(f"<si>{x}</si>" for x in self.sst) + "</sst>"
        files["xl/sharedStrings.xml"] = sst.encode("utf-8")
        overrides["xl/sharedStrings.xml"] = CT["sst"]
        files["docProps/core.xml"] = self._core().encode("utf-8")
        overrides["docProps/core.xml"] = CT["core"]
        files["docProps/app.xml"] = self._app().encode("utf-8")
        overrides["docProps/app.xml"] = CT["app"]
        root = [("rId3", f"{REL}/extended-properties", "docProps/app.xml", None),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", None),
                ("rId1", f"{REL}/officeDocument", "xl/workbook.xml", None)]
        for i, (typ, target, mode) in enumerate(self.root_rels, 4):
            root.append((f"rId{i}", typ, target, mode))
        files["_rels/.rels"] = rels_xml(root).encode("utf-8")
        files.update(self.parts)
        overrides.update(self.overrides)
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        defaults.update(self.defaults)
        ct = DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        ct += "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
        ct += "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides.items())
        ct += "</Types>"
        return {"[Content_Types].xml": ct.encode("utf-8"), **files}

    def _core(self) -> str:
        title = f"<dc:title>{esc(self.title)}</dc:title>" if self.title else ""
        return (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"{title}<dc:creator>{esc(self.creator)}</dc:creator><cp:lastModifiedBy>{esc(self.creator)}</cp:lastModifiedBy>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{self.created}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{self.modified}</dcterms:modified></cp:coreProperties>')

    def _app(self) -> str:
        names = [s.name for s in self.sheets]
        titles = "".join(f"<vt:lpstr>{esc(n)}</vt:lpstr>" for n in names)
        return (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>'
                f'<vt:variant><vt:i4>{len(names)}</vt:i4></vt:variant></vt:vector></HeadingPairs>'
                f'<TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">{titles}</vt:vector></TitlesOfParts>'
                f"<Company>{esc(self.company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>")


def num(v: float | int) -> str:
    if isinstance(v, int) or float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def rels_xml(rels: list[tuple[str, str, str, str | None]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{attr(g)}"' + (f' TargetMode="{m}"' if m else "") + "/>"
                   for i, t, g, m in rels)
    return DECL + f'<Relationships xmlns="{NS_PKG_REL}">{body}</Relationships>'


def write_zip(path: str, files: dict[str, bytes], first: str = "[Content_Types].xml") -> None:
    """A zip with fixed dates (1980-01-01) so the same input gives the same bytes."""
    order = [first] + [n for n in files if n != first] if first in files else list(files)
    with zipfile.ZipFile(path, "w") as z:
        for name in order:
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            z.writestr(zi, files[name], compresslevel=6)


# ---------------------------------------------------------------- theme


OFFICE_COLORS = {"dk1": ("sysClr", "windowText", "000000"), "lt1": ("sysClr", "window", "FFFFFF"), "dk2": "44546A", "lt2": "E7E6E6",
                 "accent1": "4472C4", "accent2": "ED7D31", "accent3": "A5A5A5", "accent4": "FFC000", "accent5": "5B9BD5",
                 "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72"}


def theme(name: str = "Office Theme", colors: dict[str, Any] | None = None, color_name: str = "Office",
          major: str = "Calibri Light", minor: str = "Calibri", font_name: str = "Office") -> str:
    """A complete DrawingML theme (clrScheme, fontScheme, fmtScheme) with the given colours and fonts."""
    c = dict(OFFICE_COLORS)
    c.update(colors or {})

    def clr(k: str) -> str:
        v = c[k]
        if isinstance(v, tuple):
            return f'<a:{k}><a:sysClr val="{v[1]}" lastClr="{v[2]}"/></a:{k}>'
        return f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>'

    order = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"]
    fonts = lambda latin: f'<a:latin typeface="{attr(latin)}" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/>'  # noqa: E731
    grad = lambda a, b, c_: (  # noqa: E731
        '<a:gradFill rotWithShape="1"><a:gsLst>'
        f'<a:gs pos="0"><a:schemeClr val="phClr"><a:lumMod val="{a[0]}"/><a:satMod val="{a[1]}"/><a:tint val="{a[2]}"/></a:schemeClr></a:gs>'
        f'<a:gs pos="50000"><a:schemeClr val="phClr"><a:lumMod val="{b[0]}"/><a:satMod val="{b[1]}"/><a:tint val="{b[2]}"/></a:schemeClr></a:gs>'
        f'<a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="{c_[0]}"/><a:satMod val="{c_[1]}"/><a:tint val="{c_[2]}"/></a:schemeClr></a:gs>'
        '</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>')
    ln = lambda w: (f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'  # noqa: E731
                    '<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>')
    return (DECL + f'<a:theme xmlns:a="{NS_A}" name="{attr(name)}"><a:themeElements>'
            f'<a:clrScheme name="{attr(color_name)}">{"".join(clr(k) for k in order)}</a:clrScheme>'
            f'<a:fontScheme name="{attr(font_name)}"><a:majorFont>{fonts(major)}</a:majorFont><a:minorFont>{fonts(minor)}</a:minorFont></a:fontScheme>'
            '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
            + grad((110000, 105000, 67000), (105000, 103000, 73000), (105000, 109000, 81000))
            + grad((102000, 103000, 94000), (100000, 110000, 100000), (99000, 120000, 78000))
            + "</a:fillStyleLst><a:lnStyleLst>" + ln(6350) + ln(12700) + ln(19050) + "</a:lnStyleLst>"
            '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>'
            '<a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="0">'
            '<a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst>'
            '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
            '<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/><a:satMod val="170000"/></a:schemeClr></a:solidFill>'
            + grad((102000, 150000, 93000), (103000, 130000, 98000), (80000, 120000, 63000))
            + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>")
