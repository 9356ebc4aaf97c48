"""The forms officials keep, written into an ooxml.Workbook: a communes sheet with a title above its
header row, a villages sheet and a postal-points sheet. Each builder returns where things are, so a
family can attach its feature to the right cells and the README can name the input cells."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from data import COMMUNE_COLUMNS, POSTAL_COLUMNS, POSTAL_POINT_COLUMNS, VILLAGE_COLUMNS, VILLAGE_COUNT_COLUMNS, Commune
from ooxml import F, Sheet, Workbook, col_letter, ref

FONT = '<sz val="12"/><name val="Times New Roman"/><family val="1"/>'
FONT_B = '<b/><sz val="12"/><name val="Times New Roman"/><family val="1"/>'
FONT_TITLE = '<b/><sz val="14"/><name val="Times New Roman"/><family val="1"/>'
FONT_I = '<i/><sz val="12"/><name val="Times New Roman"/><family val="1"/>'
THIN = ('<left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>'
        '<top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/>')
CENTER = 'horizontal="center" vertical="center" wrapText="1"'


@dataclass
class Form:
    sheet: Sheet
    header_row: int
    first_row: int
    last_row: int
    cols: dict[str, int]  # field key → column
    rows: dict[str, int] = field(default_factory=dict)  # commune name (or village/point) → row

    def cell(self, who: str, key: str) -> str:
        return ref(self.rows[who], self.cols[key])

    def col(self, key: str) -> str:
        return col_letter(self.cols[key])

    @property
    def last_col(self) -> int:
        return max(self.cols.values())


@dataclass
class Look:
    """Cell formats of a form (indexes into cellXfs)."""

    title: int
    subtitle: int
    header: int
    text: int
    number: int
    center: int


def look(wb: Workbook, header_fill: str = "DDEBF7", number_format: str | None = "#,##0") -> Look:
    s = wb.styles
    return Look(
        title=s.xf(font=FONT_TITLE, align='horizontal="center" vertical="center"'),
        subtitle=s.xf(font=FONT_I, align='horizontal="center"'),
        header=s.xf(font=FONT_B, fill=header_fill, border=THIN, align=CENTER),
        text=s.xf(font=FONT, border=THIN, align='vertical="center"'),
        number=s.xf(font=FONT, border=THIN, numfmt=number_format, align='vertical="center"'),
        center=s.xf(font=FONT, border=THIN, align='horizontal="center" vertical="center"'),
    )


Value = Callable[[Commune, str, Any], Any]


def communes_sheet(wb: Workbook, communes: list[Commune], *, name: str = "Xã", title: str | None = None,
                   subtitle: Any = None, one_sheet: bool = False, extra: list[tuple[str, str]] | None = None,
                   lk: Look | None = None, value: Value | None = None, widths: bool = True) -> Form:
    """The communes table: STT, the canonical columns (with village counts and the postal point when
    `one_sheet`), then `extra` (key, header) columns TC8 does not read, such as "Ghi chú"."""
    lk = lk or look(wb)
    ws = wb.sheet(name)
    cols = list(COMMUNE_COLUMNS) + (VILLAGE_COUNT_COLUMNS + POSTAL_POINT_COLUMNS if one_sheet else []) + (extra or [])
    head = 1
    last = len(cols) + 1
    merges = []
    if title:
        ws.set(1, 1, title, lk.title)
        merges.append(f"A1:{col_letter(min(last, 16))}1")
        ws.rows[1] = {"ht": "24.75", "customHeight": "1"}
        head = 3
        if subtitle:
            ws.set(2, 1, subtitle, lk.subtitle)
            merges.append(f"A2:{col_letter(min(last, 16))}2")
    ws.set(head, 1, "STT", lk.header)
    colmap = {"stt": 1}
    for j, (key, header) in enumerate(cols, 2):
        ws.set(head, j, header, lk.header)
        colmap[key] = j
    ws.rows[head] = {"ht": "78", "customHeight": "1"}
    form = Form(ws, head, head + 1, head + len(communes), colmap)
    for i, c in enumerate(communes):
        r = head + 1 + i
        form.rows[c.name] = r
        ws.set(r, 1, i + 1, lk.center)
        for key, _ in cols:
            v = c.row.get(key)
            if value:
                v = value(c, key, v)
            num = v.cached if isinstance(v, F) else v
            st = lk.number if isinstance(num, (int, float)) and not isinstance(num, bool) else lk.center if num in ("Có", "Không", "x", "") else lk.text
            ws.set(r, colmap[key], v, st)
    if merges:
        ws.add("mergeCells", f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    if widths:
        w = ['<col min="1" max="1" width="5.7109375" customWidth="1"/>', '<col min="2" max="2" width="18.7109375" customWidth="1"/>',
             f'<col min="3" max="{last}" width="13.7109375" customWidth="1"/>']
        ws.add("cols", f"<cols>{''.join(w)}</cols>")
    return form


def villages_sheet(wb: Workbook, communes: list[Commune], *, name: str = "Thôn", lk: Look | None = None) -> Form:
    lk = lk or look(wb)
    ws = wb.sheet(name)
    ws.set(1, 1, "STT", lk.header)
    cols = {"stt": 1}
    for j, (key, header) in enumerate(VILLAGE_COLUMNS, 2):
        ws.set(1, j, header, lk.header)
        cols[key] = j
    ws.rows[1] = {"ht": "47.25", "customHeight": "1"}
    r = 2
    form = Form(ws, 1, 2, 0, cols)
    for c in communes:
        for v in c.villages:
            ws.set(r, 1, r - 1, lk.center)
            for key, _ in VILLAGE_COLUMNS:
                ws.set(r, cols[key], v[key], lk.center if v[key] in ("Có", "Không") else lk.text)
            form.rows[f"{c.name}/{v['village']}"] = r
            r += 1
    form.last_row = r - 1
    ws.add("cols", '<cols><col min="1" max="1" width="5.7109375" customWidth="1"/><col min="2" max="3" width="18.7109375" customWidth="1"/>'
                   '<col min="4" max="10" width="12.7109375" customWidth="1"/><col min="11" max="11" width="24.7109375" customWidth="1"/></cols>')
    return form


def postal_sheet(wb: Workbook, communes: list[Commune], *, name: str = "Điểm BĐVHX", lk: Look | None = None) -> Form:
    lk = lk or look(wb)
    ws = wb.sheet(name)
    ws.set(1, 1, "STT", lk.header)
    cols = {"stt": 1}
    for j, (key, header) in enumerate(POSTAL_COLUMNS, 2):
        ws.set(1, j, header, lk.header)
        cols[key] = j
    ws.rows[1] = {"ht": "47.25", "customHeight": "1"}
    form = Form(ws, 1, 2, 1 + len(communes), cols)
    for i, c in enumerate(communes):
        r = 2 + i
        ws.set(r, 1, i + 1, lk.center)
        for key, _ in POSTAL_COLUMNS:
            v = c.postal[key]
            ws.set(r, cols[key], v, lk.number if isinstance(v, (int, float)) else lk.center if v in ("Có", "Không") else lk.text)
        form.rows[c.postal["postal_point"]] = r
    ws.add("cols", '<cols><col min="1" max="1" width="5.7109375" customWidth="1"/><col min="2" max="3" width="22.7109375" customWidth="1"/>'
                   '<col min="4" max="10" width="13.7109375" customWidth="1"/></cols>')
    return form


def standard(wb: Workbook, communes: list[Commune], *, title: str | None = None, subtitle: str | None = None, **kw: Any) -> tuple[Form, Form, Form]:
    """The three-sheet form of TC8's template: communes, villages, postal points."""
    f = communes_sheet(wb, communes, title=title, subtitle=subtitle, **kw)
    lk = kw.get("lk")
    return f, villages_sheet(wb, communes, lk=lk), postal_sheet(wb, communes, lk=lk)


TITLE = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG"
