"""The corpus's hand-made files: each a valid TC8 input plus one family of package features.

Every builder returns (files, meta): the package's parts and what the README and manifest say
about it (the parts and elements that carry the feature, the input cells, expected verdicts).
"""
from __future__ import annotations

from typing import Any

import bits
from data import COMMUNE_COLUMNS, Commune, communes
from forms import CENTER, FONT, FONT_B, THIN, TITLE, Form, communes_sheet, look, postal_sheet, standard, villages_sheet
from ooxml import CT, DECL, F, NS_MAIN, NS_R, NS_X14, NS_XM, REL, Raw, SharedRaw, Workbook, attr, col_letter, esc, ref, theme

Meta = dict[str, Any]

X14 = f'xmlns:x14="{NS_X14}"'
XM = f'xmlns:xm="{NS_XM}"'
EXT_CF = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}"
EXT_DV = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"
EXT_SPARK = "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"
EXT_CF_ID = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"
S1, S2, S3 = "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"


def q(sheet: str) -> str:
    """A sheet name as a formula writes it."""
    return "'" + sheet.replace("'", "''") + "'"


def expect(cs: list[Commune], form: Form, sheet: str | None = None, exit_code: int = 0) -> dict[str, Any]:
    sheet = sheet or form.sheet.name
    out = []
    for c in cs:
        e = {"name": c.name, "ntm": c.story.ntm, "nc": c.story.nc, "story": c.story.text, "row": form.rows[c.name]}
        if c.story.failing:
            e["failing"] = c.story.failing
        if c.story.marked and c.story.marked in form.cols:
            e["marked"] = f"{q(sheet)}!{form.cell(c.name, c.story.marked)}"
        out.append(e)
    return {"exit": exit_code, "communes": out}


def inputs(form: Form, what: str = "communes") -> str:
    keys = [k for k in form.cols if k not in ("stt",) and not k.startswith("x_")]
    c0, c1 = min(form.cols[k] for k in keys), max(form.cols[k] for k in keys)
    return f"{what}: {q(form.sheet.name)}!{col_letter(c0)}{form.first_row}:{col_letter(c1)}{form.last_row} (header row {form.header_row})"


def sheets_meta(wb: Workbook, roles: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": s.name, "part": f"xl/worksheets/sheet{i}.xml", "role": roles.get(s.name, "other")} for i, s in enumerate(wb.sheets, 1)]


# ---------------------------------------------------------------- 02 sparklines and dropdowns


def f02() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Văn Quan"
    cs = communes("Văn Quan", [("Tràng Các", "pass"), ("Tân Đoàn", "news"), ("Tri Lễ", "loa"), ("Tú Xuyên", "pass"), ("Điềm He", "online")], 6340)
    lk = look(wb)
    form = communes_sheet(wb, cs, title=TITLE, subtitle="Huyện Văn Quan – năm 2024", lk=lk,
                          extra=[("x_trend", "Xu hướng tin, bài trên trang TTĐT 2022–2024")])
    vil = villages_sheet(wb, cs, lk=lk)
    post = postal_sheet(wb, cs, lk=lk)
    hist = wb.sheet("Số liệu 2022-2024")
    lists = wb.sheet("Danh mục")
    lists.state = "hidden"
    for j, h in enumerate(["Đơn vị", "Năm 2022", "Năm 2023", "Năm 2024", "Biểu đồ"], 1):
        hist.set(1, j, h, lk.header)
    for i, c in enumerate(cs):
        base = c.row["website_posts_year"] or 30
        hist.set(2 + i, 1, c.name, lk.text)
        for j, v in enumerate([base - 14 + 3 * i, base - 6, base], 2):
            hist.set(2 + i, j, v, lk.number)
    for r, (a, b) in enumerate([("Lựa chọn", "Khu vực"), ("Có", "Miền núi"), ("Không", "Đồng bằng")], 1):
        lists.set(r, 1, a, lk.header if r == 1 else 0)
        lists.set(r, 2, b, lk.header if r == 1 else 0)
    n = len(cs)
    r0, r1 = form.first_row, form.last_row
    trend = form.cols["x_trend"]

    # Dropdowns: lists on the hidden sheet (Excel 2010+ writes these in x14:dataValidations).
    yes_no_cols = [k for k, _ in COMMUNE_COLUMNS if k in ("telecom_qcvn", "radio_station", "radio_relay", "sw_qlvb", "sw_email", "sw_mot_cua",
                                                             "satisfaction_survey", "wifi_ubnd", "wifi_nha_van_hoa", "wifi_tram_y_te", "wifi_quality")]
    yn_sqref = " ".join(f"{form.col(k)}{r0}:{form.col(k)}{r1}" for k in yes_no_cols)
    area_sqref = f"{form.col('area')}{r0}:{form.col('area')}{r1}"
    x14dv = (f'<ext uri="{EXT_DV}" {X14}><x14:dataValidations count="2" {XM}>'
             '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Sai giá trị" '
             'error="Chọn Có hoặc Không trong danh sách." promptTitle="Chọn" prompt="Chọn Có hoặc Không">'
             f"<x14:formula1><xm:f>{esc(q('Danh mục'))}!$A$2:$A$3</xm:f></x14:formula1><xm:sqref>{yn_sqref}</xm:sqref></x14:dataValidation>"
             '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" prompt="Miền núi hoặc Đồng bằng">'
             f"<x14:formula1><xm:f>{esc(q('Danh mục'))}!$B$2:$B$3</xm:f></x14:formula1><xm:sqref>{area_sqref}</xm:sqref></x14:dataValidation>"
             "</x14:dataValidations></ext>")
    count_cols = ["radio_news_per_week", "officials", "officials_with_computer", "website_posts_year", "website_posts_min_month",
                  "dossiers_total", "dossiers_online", "working_age", "smartphone_users", "officials_trained", "citizens_trained"]
    count_sqref = " ".join(f"{form.col(k)}{r0}:{form.col(k)}{r1}" for k in count_cols)
    form.sheet.add("dataValidations",
                   '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" '
                   'showErrorMessage="1" errorTitle="Sai số liệu" error="Nhập số nguyên không âm." promptTitle="Số liệu" '
                   f'prompt="Nhập số nguyên (không âm)" sqref="{count_sqref}"><formula1>0</formula1></dataValidation></dataValidations>')
    # Sparklines: one per commune, over its three years on another sheet.
    sparks = "".join(f"<x14:sparkline><xm:f>{esc(q(hist.name))}!B{2 + i}:D{2 + i}</xm:f><xm:sqref>{ref(r0 + i, trend)}</xm:sqref></x14:sparkline>"
                     for i in range(n))
    spark_group = ('<x14:sparklineGroup displayEmptyCellsAs="gap" markers="1" high="1" low="1">'
                   '<x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/>'
                   '<x14:colorMarkers theme="4" tint="-0.499984740745262"/><x14:colorFirst theme="4" tint="0.39997558519241921"/>'
                   '<x14:colorLast theme="4" tint="0.39997558519241921"/><x14:colorHigh rgb="FF00B050"/><x14:colorLow rgb="FFFF0000"/>'
                   f"<x14:sparklines>{sparks}</x14:sparklines></x14:sparklineGroup>")
    form.sheet.add("extLst", f"<extLst>{x14dv}<ext uri=\"{EXT_SPARK}\" {X14}><x14:sparklineGroups {XM}>{spark_group}</x14:sparklineGroups></ext></extLst>")
    # On the history sheet: column sparklines beside the figures.
    col_sparks = "".join(f"<x14:sparkline><xm:f>{esc(q(hist.name))}!B{2 + i}:D{2 + i}</xm:f><xm:sqref>E{2 + i}</xm:sqref></x14:sparkline>" for i in range(n))
    hist.add("extLst", f'<extLst><ext uri="{EXT_SPARK}" {X14}><x14:sparklineGroups {XM}>'
                       '<x14:sparklineGroup type="column" displayEmptyCellsAs="gap" negative="1"><x14:colorSeries theme="5" tint="-0.499984740745262"/>'
                       '<x14:colorNegative rgb="FFFF0000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="5"/><x14:colorFirst theme="5"/>'
                       '<x14:colorLast theme="5"/><x14:colorHigh theme="5"/><x14:colorLow theme="5"/>'
                       f"<x14:sparklines>{col_sparks}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>")
    # Villages: the commune is chosen from the communes sheet (a cross-sheet list), yes/no from an inline list.
    yn_v = " ".join(f"{vil.col(k)}2:{vil.col(k)}{vil.last_row}" for k in ("phone_fixed", "phone_mobile", "internet_fixed", "internet_mobile",
                                                                         "loudspeaker", "loudspeaker_regular", "tv"))
    vil.sheet.add("dataValidations", f'<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="{yn_v}">'
                                     '<formula1>"Có,Không"</formula1></dataValidation></dataValidations>')
    vil.sheet.add("extLst", f'<extLst><ext uri="{EXT_DV}" {X14}><x14:dataValidations count="1" {XM}>'
                            '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" prompt="Chọn xã trong danh sách xã">'
                            f"<x14:formula1><xm:f>{esc(q('Xã'))}!$B${r0}:$B${r1}</xm:f></x14:formula1>"
                            f"<xm:sqref>B2:B{vil.last_row}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>")
    meta = {
        "family": "2. Sparklines (x14 extLst) and dropdowns whose list is on another sheet",
        "features": [
            {"part": S1, "marker": '<x14:sparklineGroup ', "path": f"worksheet/extLst/ext[@uri='{EXT_SPARK}']/x14:sparklineGroups/x14:sparklineGroup/x14:sparklines/x14:sparkline",
             "what": f"{n} line sparklines in {col_letter(trend)}{r0}:{col_letter(trend)}{r1}, data on the sheet 'Số liệu 2022-2024' (xm:f 'Số liệu 2022-2024'!B2:D2 …)"},
            {"part": S1, "marker": "'Danh mục'!$A$2:$A$3", "path": f"worksheet/extLst/ext[@uri='{EXT_DV}']/x14:dataValidations/x14:dataValidation",
             "what": "2 list dropdowns whose lists are on the hidden sheet 'Danh mục' (xm:f 'Danh mục'!$A$2:$A$3 for the yes/no columns, $B$2:$B$3 for Khu vực)"},
            {"part": S1, "marker": 'type="whole"', "path": "worksheet/dataValidations/dataValidation[@type='whole']", "what": "whole-number validation (≥ 0) with a Vietnamese prompt and error on the count columns"},
            {"part": S2, "marker": '<formula1>"Có,Không"</formula1>', "path": "worksheet/dataValidations/dataValidation[@type='list']/formula1", "what": 'inline list "Có,Không" on the villages\' yes/no columns'},
            {"part": S2, "marker": "<xm:f>'Xã'!$B$", "path": f"worksheet/extLst/ext[@uri='{EXT_DV}']/x14:dataValidations/x14:dataValidation",
             "what": f"list of communes taken from the communes sheet ('Xã'!$B${r0}:$B${r1}) on B2:B{vil.last_row}"},
            {"part": "xl/worksheets/sheet4.xml", "marker": 'x14:sparklineGroup type="column"', "path": f"worksheet/extLst/ext[@uri='{EXT_SPARK}']/x14:sparklineGroups/x14:sparklineGroup[@type='column']",
             "what": "column sparklines E2:E6 on the history sheet"},
            {"part": "xl/workbook.xml", "marker": 'state="hidden"', "path": "workbook/sheets/sheet[@name='Danh mục'][@state='hidden']", "what": "the lists' sheet is hidden"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 03 defined names


def f03() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Cao Lộc"
    cs = communes("Cao Lộc", [("Hợp Thành", "pass"), ("Gia Cát", "computers"), ("Tân Liên", "dongbang"), ("Yên Trạch", "hours"), ("Thụy Hùng", "ocop0")], 5980)
    lk = look(wb)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Cao Lộc – năm 2024", lk=lk)
    notes = wb.sheet("Ghi chú")
    r0, r1 = form.first_row, form.last_row
    last = col_letter(form.last_col)
    notes.set(1, 1, "Số xã trong biểu", lk.text)
    notes.set(1, 2, F("COUNTA(DanhSachXa)", len(cs)), lk.number)
    notes.set(2, 1, "Ngưỡng tỷ lệ máy vi tính/CBCC", lk.text)
    notes.set(2, 2, F("NguongMayTinh", 0.5), wb.styles.xf(font=FONT, border=THIN, numfmt="0%"))
    notes.set(3, 1, "Tổng số CBCC", lk.text)
    notes.set(3, 2, F("TongCBCC", sum(c.row["officials"] for c in cs)), lk.number)
    notes.set(4, 1, "Số thôn, bản", lk.text)
    notes.set(4, 2, F("ROWS(DSThon)", sum(len(c.villages) for c in cs)), lk.number)
    notes.set(5, 1, "Kỳ báo cáo", lk.text)
    notes.set(5, 2, F("KyBaoCao", "Năm 2024", "str"), lk.text)
    # The villages sheet has an autofilter, which Excel always pairs with a hidden _FilterDatabase name.
    vil.sheet.add("autoFilter", f'<autoFilter ref="A1:K{vil.last_row}"/>')
    names = [
        ("_xlnm._FilterDatabase", 1, True, f"{q('Thôn')}!$A$1:$K${vil.last_row}", None),
        ("_xlnm.Print_Area", 0, False, f"{q('Xã')}!$A$1:${last}${r1}", None),
        ("_xlnm.Print_Titles", 0, False, f"{q('Xã')}!$A:$C,{q('Xã')}!${form.header_row}:${form.header_row}", None),
        ("_xlnm.Print_Titles", 1, False, f"{q('Thôn')}!$1:$1", None),
        ("BangCu", None, False, "#REF!", None),
        ("DanhSachXa", None, False, f"{q('Xã')}!$B${r0}:$B${r1}", None),
        ("DSThon", None, False, f"OFFSET({q('Thôn')}!$C$2,0,0,COUNTA({q('Thôn')}!$C:$C)-1,1)", "Danh sách thôn, bản (tự mở rộng khi thêm dòng)"),
        ("KyBaoCao", None, False, '"Năm 2024"', None),
        ("KyBaoCao", 1, False, '"Quý IV/2024"', None),
        ("NamBaoCao", 0, False, "2024", None),
        ("NguongMayTinh", None, False, "0.5", "Tỷ lệ máy vi tính/CBCC tối thiểu (QĐ 1127/QĐ-BTTTT)"),
        ("SoLieuGoc", None, True, f"{q('Xã')}!$J${r0}:$K${r1}", None),
        ("TongCBCC", None, False, f"SUM({q('Xã')}!$J${r0}:$J${r1})", None),
    ]
    for name, local, hidden, formula, comment in names:
        a = f'name="{name}"' + (f' comment="{attr(comment)}"' if comment else "") + (f' localSheetId="{local}"' if local is not None else "") + (' hidden="1"' if hidden else "")
        wb.defined_names.append(f"<definedName {a}>{esc(formula)}</definedName>")
    form.sheet.add("pageSetup", '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>')
    form.sheet.add("sheetPr", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    meta = {
        "family": "3. Defined names of every kind",
        "features": [
            {"part": "xl/workbook.xml", "marker": 'name="DanhSachXa"', "path": "workbook/definedNames/definedName[@name='DanhSachXa']", "what": f"workbook-scoped range 'Xã'!$B${r0}:$B${r1}"},
            {"part": "xl/workbook.xml", "marker": 'name="NamBaoCao" localSheetId="0"', "path": "workbook/definedNames/definedName[@name='NamBaoCao'][@localSheetId='0']", "what": "sheet-scoped constant 2024 (scope: 'Xã')"},
            {"part": "xl/workbook.xml", "marker": 'name="KyBaoCao" localSheetId="1"', "path": "workbook/definedNames/definedName[@name='KyBaoCao']", "what": "the same name twice: global \"Năm 2024\" and local to 'Thôn' (localSheetId=1) \"Quý IV/2024\""},
            {"part": "xl/workbook.xml", "marker": 'name="SoLieuGoc" hidden="1"', "path": "workbook/definedNames/definedName[@name='SoLieuGoc'][@hidden='1']", "what": "hidden name"},
            {"part": "xl/workbook.xml", "marker": 'name="NguongMayTinh" comment="', "path": "workbook/definedNames/definedName[@name='NguongMayTinh']", "what": "constant 0.5 with a comment attribute"},
            {"part": "xl/workbook.xml", "marker": '>OFFSET(', "path": "workbook/definedNames/definedName[@name='DSThon']", "what": "dynamic OFFSET(…COUNTA…) range with a comment"},
            {"part": "xl/workbook.xml", "marker": 'name="TongCBCC">SUM(', "path": "workbook/definedNames/definedName[@name='TongCBCC']", "what": "a formula name SUM(…)"},
            {"part": "xl/workbook.xml", "marker": 'name="BangCu">#REF!<', "path": "workbook/definedNames/definedName[@name='BangCu']", "what": "a broken name (#REF!), as real files have"},
            {"part": "xl/workbook.xml", "marker": 'name="_xlnm.Print_Titles" localSheetId="0"', "path": "workbook/definedNames/definedName[@name='_xlnm.Print_Titles']", "what": "print titles on 'Xã' (columns A:C and the header row) and 'Thôn' (row 1)"},
            {"part": "xl/workbook.xml", "marker": 'name="_xlnm.Print_Area" localSheetId="0"', "path": "workbook/definedNames/definedName[@name='_xlnm.Print_Area'][@localSheetId='0']", "what": "print area of 'Xã'"},
            {"part": "xl/workbook.xml", "marker": 'name="_xlnm._FilterDatabase" localSheetId="1" hidden="1"', "path": "workbook/definedNames/definedName[@name='_xlnm._FilterDatabase'][@localSheetId='1'][@hidden='1']", "what": "the autofilter's hidden name on 'Thôn'"},
            {"part": "xl/worksheets/sheet4.xml", "marker": '<f>COUNTA(DanhSachXa)</f>', "path": "worksheet/sheetData/row/c/f", "what": "formulas using the names (COUNTA(DanhSachXa), NguongMayTinh, TongCBCC, ROWS(DSThon), KyBaoCao) with cached values"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": "localSheetId counts sheets in workbook order (0 = 'Xã', 1 = 'Thôn'); TC8 appends its sheets after the user's, so these indexes stay valid.",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 04 page breaks and ignored errors


def f04() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Chi Lăng"
    cs = communes("Chi Lăng", [("Quang Lang", "pass"), ("Chi Lăng", "computers"), ("Vân Thủy", "plates"), ("Y Tịch", "internet"), ("Hòa Bình", "pass"), ("Vạn Linh", "news")], 6040)
    lk = look(wb)
    text_num = wb.styles.xf(font=FONT, border=THIN, numfmt="@", align='horizontal="right" vertical="center"')
    as_text = {"code", "officials", "officials_with_computer"}

    def value(c: Commune, key: str, v: Any) -> Any:
        # Codes and two count columns typed as text (the green triangles the official silenced).
        return str(v) if key in as_text and v is not None else v

    # One-sheet form: village counts and the postal point in the communes table.
    form = communes_sheet(wb, cs, title=TITLE, subtitle="Huyện Chi Lăng – năm 2024", one_sheet=True, lk=lk, value=value)
    for c in cs:
        for k in as_text:
            form.sheet.style(form.rows[c.name], form.cols[k], text_num)
    r0, r1 = form.first_row, form.last_row
    sq = " ".join(f"{form.col(k)}{r0}:{form.col(k)}{r1}" for k in ("code", "officials", "officials_with_computer"))
    sq_code = f"{form.col('code')}{r0}:{form.col('code')}{r1}"
    sq_counts = f"{form.col('officials')}{r0}:{form.col('officials_with_computer')}{r1}"
    form.sheet.add("ignoredErrors", f'<ignoredErrors><ignoredError sqref="{sq_code}" numberStoredAsText="1"/>'
                                    f'<ignoredError sqref="{sq_counts}" numberStoredAsText="1"/></ignoredErrors>')
    brk_rows = [r0 + 2, r0 + 4]  # a page after every second commune… (brk id = the last row of a page)
    brk_cols = [form.cols["sw_qlvb"] - 1, form.cols["working_age"] - 1, form.cols["wifi_ubnd"] - 1]
    form.sheet.add("rowBreaks", f'<rowBreaks count="{len(brk_rows)}" manualBreakCount="{len(brk_rows)}">'
                                + "".join(f'<brk id="{r}" max="16383" man="1"/>' for r in brk_rows) + "</rowBreaks>")
    form.sheet.add("colBreaks", f'<colBreaks count="{len(brk_cols)}" manualBreakCount="{len(brk_cols)}">'
                                + "".join(f'<brk id="{c}" max="1048575" man="1"/>' for c in brk_cols) + "</colBreaks>")
    form.sheet.add("sheetPr", '<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>')
    form.sheet.add("sheetViews", '<sheetViews><sheetView view="pageBreakPreview" zoomScale="70" zoomScaleNormal="100" zoomScaleSheetLayoutView="70" workbookViewId="0">'
                                 '<selection activeCell="B4" sqref="B4"/></sheetView></sheetViews>')
    form.sheet.add("printOptions", '<printOptions horizontalCentered="1"/>')
    form.sheet.add("pageMargins", '<pageMargins left="0.39370078740157483" right="0.39370078740157483" top="0.59055118110236227" bottom="0.59055118110236227" header="0.31496062992125984" footer="0.31496062992125984"/>')
    rid = form.sheet.rel(f"{REL}/printerSettings", "../printerSettings/printerSettings1.bin")
    form.sheet.add("pageSetup", f'<pageSetup paperSize="9" scale="85" orientation="landscape" horizontalDpi="600" verticalDpi="600" r:id="{rid}"/>')
    form.sheet.add("headerFooter", '<headerFooter><oddHeader>&amp;L&amp;"Times New Roman,Bold"UBND HUYỆN CHI LĂNG&amp;R&amp;"Times New Roman,Italic"Biểu số 08/TTTT</oddHeader>'
                                   '<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>')
    wb.part("xl/printerSettings/printerSettings1.bin", bits.devmode())
    wb.defaults["bin"] = CT["printerSettings"]
    meta = {
        "family": "4. Manual page breaks and ignored-error flags",
        "features": [
            {"part": S1, "marker": '<rowBreaks ', "path": "worksheet/rowBreaks/brk", "what": f"manual row breaks after rows {', '.join(map(str, brk_rows))} (man=\"1\")"},
            {"part": S1, "marker": '<colBreaks ', "path": "worksheet/colBreaks/brk", "what": f"manual column breaks after columns {', '.join(col_letter(c) for c in brk_cols)}"},
            {"part": S1, "marker": 'numberStoredAsText="1"', "path": "worksheet/ignoredErrors/ignoredError[@numberStoredAsText='1']", "what": f"numbers stored as text not flagged: two ignoredError elements, {sq_code} (codes) and {sq_counts} (counts typed as text)"},
            {"part": S1, "marker": 'view="pageBreakPreview"', "path": "worksheet/sheetViews/sheetView[@view='pageBreakPreview']", "what": "page-break preview view"},
            {"part": S1, "marker": '<headerFooter>', "path": "worksheet/pageSetup[@r:id] + worksheet/headerFooter + worksheet/printOptions", "what": "landscape A4 at 85 %, header and footer with Vietnamese text, centred"},
            {"part": "xl/printerSettings/printerSettings1.bin", "path": "(binary DEVMODEW, 220 bytes)", "what": "printer settings part of the sheet, content type by Default Extension=\"bin\""},
        ],
        "inputs": [inputs(form) + "; one-sheet form: village counts and the postal point are columns of the communes table",
                   f"numbers typed as text: {sq}"],
        "sheets": sheets_meta(wb, {"Xã": "communes"}),
        "expect": expect(cs, form),
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 05 notes


def f05() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Lộc Bình"
    cs = communes("Lộc Bình", [("Khuất Xá", "pass"), ("Tú Đoạn", "computers"), ("Tam Gia", "wifi"), ("Đông Quan", "missing")], 6100)
    lk = look(wb)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Lộc Bình – năm 2024", lk=lk)
    authors = ["Hoàng Thị Mai", "Nông Văn Khánh"]
    bad = cs[1]
    marked = form.cell(bad.name, "officials_with_computer")
    miss = form.cell(cs[3].name, "website_posts_year")
    notes = [
        (form.header_row, form.cols["officials_with_computer"], 0, "Tính cả máy tính xách tay của cá nhân dùng cho công việc.", False),
        (form.rows[cs[0].name], form.cols["commune"], 1, "Xã đạt chuẩn NTM năm 2019.", False),
        (form.rows[bad.name], form.cols["officials_with_computer"], 0, "Số liệu kiểm kê tháng 10/2024;\nđang chờ cấp thêm 3 máy.", True),
        (form.rows[cs[3].name], form.cols["website_posts_year"], 1, "Xã chưa gửi số liệu, đã nhắc ngày 15/11.", False),
        (form.rows[cs[2].name], form.cols["wifi_ubnd"], 0, "Wifi do VNPT tài trợ.", False),
    ]

    def comment_xml(items: list[tuple[int, int, int, str, bool]]) -> str:
        cl = []
        for r, c, a, text, _ in items:
            lines = text.replace("\n", "_x000D_\n")  # Excel writes a carriage return as _x000D_ before the line feed
            cl.append(f'<comment ref="{ref(r, c)}" authorId="{a}" shapeId="0"><text>'
                      f'<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>{esc(authors[a])}:</t></r>'
                      f'<r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">_x000D_\n{esc(lines)}</t></r>'
                      "</text></comment>")
        return (DECL + f'<comments xmlns="{NS_MAIN}"><authors>' + "".join(f"<author>{esc(a)}</author>" for a in authors) + "</authors>"
                f"<commentList>{''.join(cl)}</commentList></comments>")

    items = sorted(notes, key=lambda x: (x[0], x[1]))
    form.sheet.rel(f"{REL}/comments", "../comments1.xml")
    vrid = form.sheet.rel(f"{REL}/vmlDrawing", "../drawings/vmlDrawing1.vml")
    form.sheet.add("legacyDrawing", f'<legacyDrawing r:id="{vrid}"/>')
    wb.part("xl/comments1.xml", comment_xml(items), CT["comments"])
    wb.part("xl/drawings/vmlDrawing1.vml", bits.vml(1, [bits.vml_note(1025 + i, r - 1, c - 1, vis) for i, (r, c, _, _, vis) in enumerate(items)]).encode("utf-8"))
    # A note on the villages sheet too (a second comments part).
    vr = vil.rows[f"{cs[2].name}/{cs[2].villages[0]['village']}"]
    vnotes = [(vr, vil.cols["providers"], 1, "MobiFone đã lắp trạm BTS tháng 9/2024.", False)]
    vil.sheet.rel(f"{REL}/comments", "../comments2.xml")
    vrid2 = vil.sheet.rel(f"{REL}/vmlDrawing", "../drawings/vmlDrawing2.vml")
    vil.sheet.add("legacyDrawing", f'<legacyDrawing r:id="{vrid2}"/>')
    wb.part("xl/comments2.xml", comment_xml(vnotes), CT["comments"])
    wb.part("xl/drawings/vmlDrawing2.vml", bits.vml(2, [bits.vml_note(2049, vr - 1, vil.cols["providers"] - 1)]).encode("utf-8"))
    wb.defaults["vml"] = CT["vml"]
    meta = {
        "family": "5. Existing notes (legacy comments + VML) on the communes sheet",
        "features": [
            {"part": "xl/comments1.xml", "marker": 'đang chờ cấp thêm 3 máy', "path": "comments/commentList/comment", "what": f"{len(items)} notes on 'Xã': " + ", ".join(ref(r, c) for r, c, *_ in items)
             + f"; the one on {marked} (an input cell TC8 marks: 8/21 computers) is shown (x:Visible)"},
            {"part": "xl/comments1.xml", "marker": '<author>Hoàng Thị Mai</author>', "path": "comments/authors/author", "what": "two authors with Vietnamese names; each note starts with its author in bold, then _x000D_ and a line feed, as Excel writes"},
            {"part": "xl/drawings/vmlDrawing1.vml", "marker": 'ObjectType="Note"', "path": "xml/v:shape/x:ClientData[@ObjectType='Note']", "what": "one shape per note (o:idmap data=\"1\", shapes _x0000_s1025…), x:Row/x:Column 0-based"},
            {"part": S1, "marker": '<legacyDrawing ', "path": "worksheet/legacyDrawing/@r:id", "what": "the sheet's link to the VML (its .rels also has the comments relationship)"},
            {"part": "xl/comments2.xml", "marker": 'MobiFone đã lắp trạm BTS', "path": "comments/commentList/comment", "what": "a note on the villages sheet (with xl/drawings/vmlDrawing2.vml, idmap 2)"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points"),
                   f"notes on input cells: {marked} (marked by TC8: fails 8.4.a) and {miss} (empty: missing data, marked)"],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": f"TC8 must keep the user's note on {marked} and {miss} word for word and add its own explanation elsewhere (or beside it in the same note), never replace it.",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 06 data bars and colour scale


def f06() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Tràng Định"
    cs = communes("Tràng Định", [("Đề Thám", "pass"), ("Hùng Sơn", "online"), ("Kim Đồng", "plates"), ("Quốc Khánh", "pass"), ("Tân Tiến", "computers")], 6200)
    lk = look(wb)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Tràng Định – năm 2024", lk=lk)
    r0, r1 = form.first_row, form.last_row
    posts = f"{form.col('website_posts_year')}{r0}:{form.col('website_posts_year')}{r1}"
    online = f"{form.col('dossiers_online')}{r0}:{form.col('dossiers_online')}{r1}"
    smart = f"{form.col('smartphone_users')}{r0}:{form.col('smartphone_users')}{r1}"
    comp = f"{form.col('officials_with_computer')}{r0}:{form.col('officials_with_computer')}{r1}"
    red = wb.styles.dxf('<font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill>')
    id1, id2, id3 = bits.guid("06-databar-posts"), bits.guid("06-databar-online"), bits.guid("06-iconset-smart")
    bar = lambda gid, color: (f'<cfRule type="dataBar" priority="{{p}}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="{color}"/></dataBar>'  # noqa: E731
                              f'<extLst><ext uri="{EXT_CF_ID}" {X14}><x14:id>{gid}</x14:id></ext></extLst></cfRule>')
    cf = (f'<conditionalFormatting sqref="{posts}">' + bar(id1, "FF638EC6").replace("{p}", "1") + "</conditionalFormatting>"
          f'<conditionalFormatting sqref="{online}">' + bar(id2, "FF63C384").replace("{p}", "2") + "</conditionalFormatting>"
          f'<conditionalFormatting sqref="{form.col("dossiers_total")}{r0}:{form.col("dossiers_total")}{r1}"><cfRule type="colorScale" priority="3"><colorScale>'
          '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/>'
          "</colorScale></cfRule></conditionalFormatting>"
          f'<conditionalFormatting sqref="{comp}"><cfRule type="expression" dxfId="{red}" priority="5"><formula>{form.col("officials_with_computer")}{r0}/{form.col("officials")}{r0}&lt;0.5</formula></cfRule></conditionalFormatting>')
    form.sheet.add("conditionalFormatting", cf)
    x14bar = lambda gid, sq, border, neg: (  # noqa: E731
        f'<x14:conditionalFormatting xmlns:xm="{NS_XM}"><x14:cfRule type="dataBar" id="{gid}">'
        f'<x14:dataBar minLength="0" maxLength="100" border="1" gradient="0" negativeBarBorderColorSameAsPositive="0" axisPosition="automatic">'
        f'<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:borderColor rgb="{border}"/><x14:negativeFillColor rgb="{neg}"/>'
        f'<x14:negativeBorderColor rgb="{neg}"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>{sq}</xm:sqref></x14:conditionalFormatting>')
    x14icons = (f'<x14:conditionalFormatting xmlns:xm="{NS_XM}"><x14:cfRule type="iconSet" priority="4" id="{id3}">'
                '<x14:iconSet iconSet="3Triangles"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo>'
                f'<x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule><xm:sqref>{smart}</xm:sqref></x14:conditionalFormatting>')
    form.sheet.add("extLst", f'<extLst><ext uri="{EXT_CF}" {X14}><x14:conditionalFormattings>'
                             + x14bar(id1, posts, "FF638EC6", "FFFF0000") + x14bar(id2, online, "FF63C384", "FFC00000") + x14icons
                             + "</x14:conditionalFormattings></ext></extLst>")
    meta = {
        "family": "6. Conditional formats: data bars (2007 + x14 extension), colour scale, an x14-only icon set",
        "features": [
            {"part": S1, "marker": f"<x14:id>{id1}</x14:id>", "path": "worksheet/conditionalFormatting/cfRule[@type='dataBar']/extLst/ext/x14:id", "what": f"two 2007 data bars ({posts}, {online}) each pointing by x14:id to its x14 twin"},
            {"part": S1, "marker": '<x14:cfvo type="autoMin"/>', "path": f"worksheet/extLst/ext[@uri='{EXT_CF}']/x14:conditionalFormattings/x14:conditionalFormatting/x14:cfRule[@type='dataBar']/x14:dataBar",
             "what": "the x14 settings: minLength 0, maxLength 100, border, solid fill, negative colours, axis colour; ids {…} equal the x14:id above"},
            {"part": S1, "marker": '<colorScale>', "path": "worksheet/conditionalFormatting/cfRule[@type='colorScale']", "what": "3-colour scale on the dossiers column"},
            {"part": S1, "marker": '<cfRule type="expression"', "path": "worksheet/conditionalFormatting/cfRule[@type='expression'][@dxfId]", "what": f"a formula rule (computers/officials < 0.5) with a dxf on {comp}, the column TC8 marks"},
            {"part": S1, "marker": 'iconSet="3Triangles"', "path": f"worksheet/extLst/ext[@uri='{EXT_CF}']//x14:cfRule[@type='iconSet']/x14:iconSet[@iconSet='3Triangles']", "what": f"an icon set that exists only in the x14 extension ({smart})"},
            {"part": "xl/styles.xml", "marker": '<dxf>', "path": "styleSheet/dxfs/dxf", "what": "the formula rule's differential format"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 07 custom theme and number formats


def f07() -> tuple[dict[str, bytes], Meta]:
    # Theme fonts Times New Roman (as offices in Vietnam set them) and a green–brown palette.
    from ooxml import Styles
    st = Styles(font='<sz val="12"/><color theme="1"/><name val="Times New Roman"/><family val="2"/><scheme val="minor"/>')
    wb = Workbook(st)
    wb.company = "UBND huyện Bắc Sơn"
    wb.theme_xml = theme("Lạng Sơn", {"dk2": "1F3B2D", "lt2": "EEF3E2", "accent1": "2E7D32", "accent2": "C0504D", "accent3": "8D6E63",
                                      "accent4": "F9A825", "accent5": "00838F", "accent6": "6A1B9A", "hlink": "1565C0", "folHlink": "6D4C41"},
                         color_name="Lạng Sơn", major="Times New Roman", minor="Times New Roman", font_name="Hành chính")
    cs = communes("Bắc Sơn", [("Vũ Lễ", "pass"), ("Chiến Thắng", "online"), ("Long Đống", "wifi"), ("Hưng Vũ", "computers")], 6280)
    th_font = '<sz val="12"/><color theme="1"/><name val="Times New Roman"/><family val="2"/><scheme val="minor"/>'
    th_bold = '<b/><sz val="12"/><color theme="0"/><name val="Times New Roman"/><family val="2"/><scheme val="major"/>'
    header = st.xf(font=th_bold, fill='<fill><patternFill patternType="solid"><fgColor theme="4" tint="-0.249977111117893"/><bgColor indexed="64"/></patternFill></fill>',
                   border=THIN, align=CENTER)
    from forms import Look
    lk = Look(title=st.xf(font='<b/><sz val="14"/><color theme="4" tint="-0.499984740745262"/><name val="Times New Roman"/><family val="2"/><scheme val="major"/>',
                          align='horizontal="center" vertical="center"'),
              subtitle=st.xf(font=th_font, numfmt='[$-42A]"Ngày "d" tháng "m" năm "yyyy', align='horizontal="center"'),
              header=header, text=st.xf(font=th_font, border=THIN), number=st.xf(font=th_font, border=THIN, numfmt="#,##0"),
              center=st.xf(font=th_font, border=THIN, align='horizontal="center"'))
    fmts = {"working_age": '#,##0" người"', "smartphone_users": '#,##0" người"', "citizens_trained": '#,##0" người"',
            "dossiers_total": '#,##0" hồ sơ"', "dossiers_online": '#,##0" hồ sơ"', "officials": '0" người"', "radio_news_per_week": '0" tin/tuần"',
            "address_points": '#,##0;[Red]-#,##0;"–"', "address_plates": '#,##0;[Red]-#,##0;"–"'}
    extra = [("x_rate_dossiers", "Tỷ lệ hồ sơ trực tuyến (%)"), ("x_airtime", "Thời lượng phát sóng/tuần"), ("x_updated", "Ngày cập nhật")]
    form = communes_sheet(wb, cs, title=TITLE, subtitle=45615, lk=lk, extra=extra)  # 20/11/2024 shown as "Ngày 20 tháng 11 năm 2024"
    ws = form.sheet
    ws.elems["mergeCells"] = ws.elems["mergeCells"].replace('count="1">', 'count="2"><mergeCell ref="A2:P2"/>')
    for c in cs:
        r = form.rows[c.name]
        for k, code in fmts.items():
            ws.style(r, form.cols[k], st.xf(font=th_font, border=THIN, numfmt=code))
        tot, onl = form.cell(c.name, "dossiers_total"), form.cell(c.name, "dossiers_online")
        ws.set(r, form.cols["x_rate_dossiers"], F(f"{onl}/{tot}", c.row["dossiers_online"] / c.row["dossiers_total"]),
               st.xf(font=th_font, border=THIN, numfmt="0.0%"))
        ws.set(r, form.cols["x_airtime"], 0.4375 + 0.0625 * (r % 3), st.xf(font=th_font, border=THIN, numfmt="[h]:mm"))
        ws.set(r, form.cols["x_updated"], 45600 + r, st.xf(font=th_font, border=THIN, numfmt="dd/mm/yyyy"))
    # The rate column carries TC8's own header: the canonical "(%)" header of dossiers_online_rate.
    form.cols["dossiers_online_rate"] = form.cols.pop("x_rate_dossiers")
    vil = villages_sheet(wb, cs, lk=lk)
    post = postal_sheet(wb, cs, lk=lk)
    for pr in post.rows.values():
        post.sheet.style(pr, post.cols["hours_per_day"], st.xf(font=th_font, border=THIN, numfmt='0" giờ"'))
    codes = sorted(set(fmts.values()) | {"0.0%", "[h]:mm", "dd/mm/yyyy", '[$-42A]"Ngày "d" tháng "m" năm "yyyy', '0" giờ"'})
    meta = {
        "family": "7. A custom theme (colours and fonts) and custom number formats used by cells",
        "features": [
            {"part": "xl/theme/theme1.xml", "marker": 'name="Lạng Sơn"', "path": "a:theme[@name='Lạng Sơn']/a:themeElements/a:clrScheme[@name='Lạng Sơn']", "what": "changed theme colours (accent1 2E7D32, accent2 C0504D, …)"},
            {"part": "xl/theme/theme1.xml", "marker": 'typeface="Times New Roman"', "path": "a:theme/a:themeElements/a:fontScheme[@name='Hành chính']/a:majorFont/a:latin[@typeface='Times New Roman']", "what": "theme fonts: Times New Roman for headings and body"},
            {"part": "xl/styles.xml", "marker": 'formatCode="#,##0&quot; người&quot;"', "path": "styleSheet/numFmts/numFmt", "what": "custom formats: " + "; ".join(codes)},
            {"part": "xl/styles.xml", "marker": 'theme="4" tint="', "path": "styleSheet/fonts/font/scheme + fills/fill/patternFill/fgColor[@theme='4'][@tint]", "what": "cells use theme fonts (scheme minor/major) and theme colours with tints"},
            {"part": S1, "path": "worksheet/sheetData/row/c[@s]", "what": "input cells formatted #,##0\" người\", #,##0\" hồ sơ\", 0\" tin/tuần\"; a rate formula formatted 0.0 %; [h]:mm and dd/mm/yyyy in extra columns"},
        ],
        "inputs": [inputs(form) + f"; the rate column {form.col('dossiers_online_rate')} holds formulas (=online/total) formatted 0.0%",
                   inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": "Any new cell format TC8 adds must be appended to cellXfs; the user's numFmt ids 164+ and their codes must not be renumbered.",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 09 shared strings with escapes, rich text, phonetics


def f09() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Hữu Lũng"
    cs = communes("Hữu Lũng", [("Đồng Tân", "pass"), ("Yên Thịnh", "computers"), ("Minh Tiến", "wifi"), ("Hòa Thắng", "pass")], 6320)
    lk = look(wb)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Hữu Lũng – năm 2024", lk=lk, extra=[("x_note", "Ghi chú")])
    ws = form.sheet
    pfont = wb.styles._add(wb.styles.fonts, '<font><sz val="6"/><name val="MS PGothic"/><family val="3"/><charset val="128"/></font>')
    rp = '<rPr><b/><sz val="14"/><color rgb="FFC00000"/><rFont val="Times New Roman"/><family val="1"/></rPr>'
    rn = '<rPr><b/><sz val="14"/><rFont val="Times New Roman"/><family val="1"/></rPr>'
    # Title: rich text runs.
    ws.set(1, 1, SharedRaw(f'<r>{rn}<t xml:space="preserve">BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN </t></r><r>{rp}<t>TIÊU CHÍ SỐ 8</t></r>'
                           f'<r>{rn}<t xml:space="preserve"> – THÔNG TIN VÀ TRUYỀN THÔNG</t></r>'), lk.title)
    r = {c.name: form.rows[c.name] for c in cs}
    a, b, c_, d = cs
    # Input cells holding escapes and spaces.
    ws.set(r[a.name], form.cols["commune"], SharedRaw(f'<r><rPr><sz val="12"/><rFont val="Times New Roman"/><family val="1"/></rPr><t xml:space="preserve">Xã </t></r>'
                                                      f'<r><rPr><b/><sz val="12"/><rFont val="Times New Roman"/><family val="1"/></rPr><t>Đồng Tân</t></r>'), lk.text)
    ws.set(r[b.name], form.cols["sw_qlvb"], SharedRaw("<t>Có_x000B_</t>"), lk.center)
    ws.set(r[b.name], form.cols["sw_email"], SharedRaw('<t xml:space="preserve"> Có </t>'), lk.center)
    ws.set(r[c_.name], form.cols["commune"], SharedRaw('<t xml:space="preserve">Xã Minh Tiến </t>'), lk.text)
    ws.set(r[c_.name], form.cols["website"], SharedRaw("<t>https://minhtien.huulung.langson.gov.vn_x000D_</t>"), lk.text)
    ws.set(r[d.name], form.cols["officials"], SharedRaw(f'<t xml:space="preserve">  {d.row["officials"]} </t>'), lk.number)
    ws.set(r[d.name], form.cols["code"], SharedRaw("<t>06341_x001F_</t>"), lk.text)
    # Other cells.
    notes = {
        a.name: SharedRaw('<t xml:space="preserve">Đã kiểm tra_x000D_\nngày 12/11/2024</t>'),
        b.name: SharedRaw("<t>Mã cũ: _x005F_x0041_ (không đổi)</t>"),
        c_.name: SharedRaw(f'<t>Ghi chú của xã</t><rPh sb="0" eb="7"><t>ギチュウ</t></rPh><phoneticPr fontId="{pfont}" type="noConversion"/>'),
        d.name: SharedRaw("<t>Tab_x0009_giữa_x001F_hai ô</t>"),
    }
    for c in cs:
        ws.set(r[c.name], form.cols["x_note"], notes[c.name], lk.text)
    ws.set(form.last_row + 2, 2, Raw('<is><t xml:space="preserve">Người lập biểu:_x000D_\nLăng Văn Tú </t></is>', ' t="inlineStr"'), 0)
    ws.set(form.last_row + 3, 2, F('"Hữu Lũng, ngày "&DAY(45615)&" tháng "&MONTH(45615)&" năm "&YEAR(45615)', "Hữu Lũng, ngày 20 tháng 11 năm 2024", "str"), 0)
    ws.add("phoneticPr", f'<phoneticPr fontId="{pfont}" type="noConversion"/>')
    # Villages: providers with a carriage return, and a literal escape text.
    v0 = f"{c_.name}/{c_.villages[0]['village']}"
    v1 = f"{c_.name}/{c_.villages[1]['village']}"
    vil.sheet.set(vil.rows[v0], vil.cols["providers"], SharedRaw("<t>VNPT,_x000D_\nViettel</t>"), lk.text)
    vil.sheet.set(vil.rows[v1], vil.cols["providers"], SharedRaw("<t>Viettel _x005F_x000D_ MobiFone</t>"), lk.text)
    meta = {
        "family": "9. Shared strings with _xHHHH_ escapes, rich text, phonetic runs and preserved spaces",
        "features": [
            {"part": "xl/sharedStrings.xml", "marker": '<t>Có_x000B_</t>', "path": "sst/si/t[.='Có_x000B_']", "what": f"input {form.cell(b.name, 'sw_qlvb')}: \"Có\" + U+000B (vertical tab from Word)"},
            {"part": "xl/sharedStrings.xml", "marker": '06341_x001F_', "path": "sst/si/t[.='06341_x001F_']", "what": f"input {form.cell(d.name, 'code')} (Mã xã, read, not evaluated): \"06341\" + U+001F; a note holds _x0009_ and _x001F_ too"},
            {"part": "xl/sharedStrings.xml", "marker": '_x000D_', "path": "sst/si/t[contains(.,'_x000D_')]", "what": f"input {form.cell(c_.name, 'website')} ends in U+000D; notes and 'Thôn' providers hold _x000D_ before a line feed"},
            {"part": "xl/sharedStrings.xml", "marker": '_x005F_x0041_', "path": "sst/si/t[contains(.,'_x005F_x0041_')]", "what": "the literal text \"_x0041_\" (escaped underscore), in a note; 'Thôn' has the literal \"_x000D_\" the same way"},
            {"part": "xl/sharedStrings.xml", "marker": '<t xml:space="preserve"> Có </t>', "path": "sst/si/t[@xml:space='preserve']", "what": f"leading/trailing spaces in inputs: {form.cell(b.name, 'sw_email')} \" Có \", {form.cell(c_.name, 'commune')} \"Xã Minh Tiến \", {form.cell(d.name, 'officials')} \"  {d.row['officials']} \" (a number typed as text)"},
            {"part": "xl/sharedStrings.xml", "marker": '<r><rPr>', "path": "sst/si/r (rich text runs)", "what": f"the title A1 in three runs (one red); the commune name {form.cell(a.name, 'commune')} in two runs (\"Xã \" + bold \"Đồng Tân\")"},
            {"part": "xl/sharedStrings.xml", "marker": '<rPh ', "path": "sst/si/rPh + sst/si/phoneticPr", "what": "a phonetic run on a note (and worksheet/phoneticPr in the sheet)"},
            {"part": S1, "marker": 't="inlineStr"', "path": "worksheet/sheetData/row/c[@t='inlineStr']/is/t", "what": f"an inline string with _x000D_ and a trailing space at B{form.last_row + 2}"},
            {"part": S1, "marker": 't="str"', "path": "worksheet/sheetData/row/c[@t='str']", "what": f"a formula with a cached string at B{form.last_row + 3}"},
        ],
        "inputs": [inputs(form) + " (column AI 'Ghi chú' is not read)", inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": "Every shared string must come back as the same XML text (same escapes), not just the same decoded characters; "
                 "a reader must decode _x000B_ to U+000B and _x005F_ to \"_\", and TC8 trims the spaces when it reads (Xã Minh Tiến is named without its trailing space).",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 10 protection


def f10(kind: str) -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Văn Lãng"
    cs = communes("Văn Lãng", [("Hoàng Văn Thụ", "pass"), ("Tân Mỹ", "computers"), ("Hội Hoan", "loa")], 6360)
    lk = look(wb)
    feats: list[dict[str, str]] = []
    exit_code = 3
    if kind == "workbook":
        form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Văn Lãng – năm 2024", lk=lk)
        h, s = bits.sha512_protection("vanlang2024", bytes(range(16, 32)), 100000)
        wb.workbook_protection = f'<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="{h}" workbookSaltValue="{s}" workbookSpinCount="100000" lockStructure="1"/>'
        feats.append({"part": "xl/workbook.xml", "marker": 'lockStructure="1"', "path": "workbook/workbookProtection[@lockStructure='1']", "what": "structure locked with a SHA-512 password hash (password: vanlang2024)"})
        note = "TC8 must refuse (it would add sheets to a locked structure): exit 3, a message naming the workbook structure protection, no file written."
    elif kind == "sheet":
        unlocked = wb.styles.xf(font=FONT, border=THIN, protection='locked="0"', align='vertical="center"')
        form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Văn Lãng – năm 2024", lk=lk)
        for c in cs:
            for k, _ in COMMUNE_COLUMNS:
                form.sheet.style(form.rows[c.name], form.cols[k], unlocked)
        form.sheet.add("sheetProtection", f'<sheetProtection password="{bits.legacy_password_hash("xa2024")}" sheet="1" objects="1" scenarios="1" formatColumns="0" selectLockedCells="1"/>')
        feats.append({"part": S1, "marker": '<sheetProtection password=', "path": "worksheet/sheetProtection[@sheet='1']", "what": "the communes sheet protected (legacy password hash of \"xa2024\"); input cells unlocked (cellXfs xf/protection[@locked='0'])"})
        note = "TC8 must refuse (it writes verdict columns into 'Xã'): exit 3, a message naming the protected sheet 'Xã', no file written."
    else:
        form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Văn Lãng – năm 2024", lk=lk)
        guide = wb.sheet("Hướng dẫn")
        for i, line in enumerate(["HƯỚNG DẪN NHẬP SỐ LIỆU", "1. Mỗi xã một dòng trong sheet Xã.", "2. Cột Có/Không: ghi Có hoặc Không.",
                                  "3. Số liệu tính đến ngày 30/11 hằng năm."], 1):
            guide.set(i, 1, line, lk.title if i == 1 else 0)
        h, s = bits.sha512_protection("huongdan", bytes(range(40, 56)), 100000)
        guide.add("sheetProtection", f'<sheetProtection algorithmName="SHA-512" hashValue="{h}" saltValue="{s}" spinCount="100000" sheet="1" objects="1" scenarios="1"/>')
        feats.append({"part": "xl/worksheets/sheet4.xml", "marker": 'algorithmName="SHA-512"', "path": "worksheet/sheetProtection[@sheet='1'][@algorithmName='SHA-512']",
                      "what": "only the instructions sheet 'Hướng dẫn' is protected; TC8 changes nothing there"})
        exit_code = 0
        note = "TC8 must evaluate normally (exit 0) and keep the protected sheet as it is (its part byte-identical)."
    meta = {
        "family": {"workbook": "10. Workbook structure protection (TC8 must refuse)", "sheet": "10. A protected communes sheet (TC8 must refuse)",
                   "other": "10. A protected sheet TC8 does not touch (TC8 evaluates)"}[kind],
        "features": feats,
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form, exit_code=exit_code),
        "notes": note + " The verdicts listed are what reading gives (the add-in refuses after reading too)."
                 + (" Today's exceljs command line exits 0 and writes; issue 8 makes it refuse." if exit_code == 3 else ""),
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 11 external link, custom properties, custom XML


def f11() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Đình Lập"
    cs = communes("Đình Lập", [("Bính Xá", "pass"), ("Bắc Xa", "dongbang"), ("Kiên Mộc", "computers"), ("Lâm Ca", "pass")], 6390)
    lk = look(wb)

    def value(c: Commune, key: str, v: Any) -> Any:
        # Population figures come from the district's population workbook.
        if key in ("working_age", "smartphone_users"):
            i = cs.index(c)
            col = "C" if key == "working_age" else "D"
            return F(f"[1]DanSo!${col}${i + 3}", v)
        return v

    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Đình Lập – năm 2024", lk=lk, value=value)
    rows = "".join(f'<row r="{i + 3}"><cell r="C{i + 3}"><v>{c.row["working_age"]}</v></cell><cell r="D{i + 3}"><v>{c.row["smartphone_users"]}</v></cell></row>'
                   for i, c in enumerate(cs))
    ext = (DECL + f'<externalLink xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><externalBook r:id="rId1"><sheetNames><sheetName val="DanSo"/><sheetName val="GhiChu"/></sheetNames>'
           f'<sheetDataSet><sheetData sheetId="0">{rows}</sheetData><sheetData sheetId="1"/></sheetDataSet></externalBook></externalLink>')
    wb.part("xl/externalLinks/externalLink1.xml", ext, CT["externalLink"])
    wb.part("xl/externalLinks/_rels/externalLink1.xml.rels",
            DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/externalLinkPath" Target="file:///D:\\SoLieu\\DanSo_DinhLap_2024.xlsx" TargetMode="External"/></Relationships>')
    # every sheet exists now: workbook relationships may be added
    rid = wb.wb_rel(f"{REL}/externalLink", "externalLinks/externalLink1.xml")
    wb.external_refs.append(rid)
    wb.defined_names.append(f"<definedName name=\"DanSoNguon\">[1]DanSo!$C$3:$D${len(cs) + 2}</definedName>")
    custom = (DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Người lập biểu"><vt:lpwstr>Lương Thị Hạnh</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Kỳ báo cáo"><vt:lpwstr>Năm 2024</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Số văn bản"><vt:i4>215</vt:i4></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Đã duyệt"><vt:bool>false</vt:bool></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="6" name="Ngày chốt số liệu"><vt:filetime>2024-11-30T00:00:00Z</vt:filetime></property>'
              "</Properties>")
    wb.part("docProps/custom.xml", custom, CT["custom"])
    wb.root_rels.append((f"{REL}/custom-properties", "docProps/custom.xml", None))
    item_id = bits.guid("11-customxml-item1")
    wb.part("customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n'
            '<BaoCao xmlns="urn:langson:ntm:tc8:baocao"><DonVi>UBND huyện Đình Lập</DonVi><KyBaoCao>2024</KyBaoCao><SoVanBan>215/BC-UBND</SoVanBan></BaoCao>')
    wb.part("customXml/itemProps1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n'
            f'<ds:datastoreItem ds:itemID="{item_id}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            '<ds:schemaRefs><ds:schemaRef ds:uri="urn:langson:ntm:tc8:baocao"/></ds:schemaRefs></ds:datastoreItem>', CT["customXmlProps"])
    wb.part("customXml/_rels/item1.xml.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>')
    wb.wb_rel(f"{REL}/customXml", "../customXml/item1.xml")
    wa = f"{form.col('working_age')}{form.first_row}:{form.col('smartphone_users')}{form.last_row}"
    meta = {
        "family": "11. A link to another workbook, custom document properties and a custom XML part",
        "features": [
            {"part": "xl/externalLinks/externalLink1.xml", "marker": '<sheetName val="DanSo"/>', "path": "externalLink/externalBook/sheetDataSet/sheetData/row/cell/v", "what": "cached values of [1]DanSo!C3:D6"},
            {"part": "xl/externalLinks/_rels/externalLink1.xml.rels", "marker": 'TargetMode="External"', "path": "Relationships/Relationship[@TargetMode='External']", "what": "file:///D:\\SoLieu\\DanSo_DinhLap_2024.xlsx"},
            {"part": "xl/workbook.xml", "marker": '<externalReference r:id=', "path": "workbook/externalReferences/externalReference/@r:id", "what": "the workbook's link to the external link part (and a name DanSoNguon = [1]DanSo!$C$3:$D$6)"},
            {"part": S1, "marker": '<f>[1]DanSo!', "path": "worksheet/sheetData/row/c/f[starts-with(.,'[1]DanSo!')]", "what": f"input cells {wa} are formulas into the other workbook, with cached values"},
            {"part": "docProps/custom.xml", "marker": 'Người lập biểu', "path": "Properties/property", "what": "5 custom properties (lpwstr, i4, bool, filetime) with Vietnamese names; package relationship custom-properties"},
            {"part": "customXml/item1.xml", "marker": 'urn:langson:ntm:tc8:baocao', "path": "BaoCao (urn:langson:ntm:tc8:baocao)", "what": "a custom XML part, with customXml/itemProps1.xml and customXml/_rels/item1.xml.rels; the workbook's .rels points to it"},
        ],
        "inputs": [inputs(form) + f"; {wa} are formulas [1]DanSo!$C$n / $D$n (cached values are read)", inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": "A rewriter that drops the external link leaves formulas [1]DanSo!… that point nowhere; the cached values must stay as they are (TC8 must not recalculate).",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 12 a huge formatted span and a stray far value


def f12(million_rows: bool = False) -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Bình Gia"
    cs = communes("Bình Gia", [("Hưng Đạo", "pass"), ("Thiện Long", "news"), ("Minh Khai", "ocop0"), ("Tô Hiệu", "wifi")], 5140)
    lk = look(wb)
    form = communes_sheet(wb, cs, title=TITLE, subtitle="Huyện Bình Gia – năm 2024", one_sheet=True, lk=lk, widths=False)
    ws = form.sheet
    fill = wb.styles.xf(font=FONT, fill="FFF2CC")
    last = form.last_col
    # Every column formatted (the whole sheet selected and coloured), widths for the table's columns.
    ws.add("cols", f'<cols><col min="1" max="1" width="5.7109375" style="{fill}" customWidth="1"/>'
                   f'<col min="2" max="2" width="18.7109375" style="{fill}" customWidth="1"/>'
                   f'<col min="3" max="{last}" width="13.7109375" style="{fill}" customWidth="1"/>'
                   f'<col min="{last + 1}" max="16384" width="9.140625" style="{fill}"/></cols>')
    end = 1048576 if million_rows else 2000
    for r in range(form.last_row + 1, end):
        ws.rows[r] = {"s": fill, "customFormat": "1"}
    ws.set(1048576, 16384, "x", 0)  # the stray value
    ws.rows[1048576] = {"s": fill, "customFormat": "1"}
    ws.dimension = "A1:XFD1048576"
    ws.add("sheetFormatPr", '<sheetFormatPr defaultRowHeight="15.75" x14ac:dyDescent="0.25"/>')
    what_rows = (f"rows {form.last_row + 1}–1048575 each a <row s customFormat=\"1\"/> with no cells" if million_rows
                 else f"rows {form.last_row + 1}–1999 each a <row s customFormat=\"1\"/> with no cells (the full million is `--big`, 2.6 MB)")
    meta = {
        "family": "12. A formatted span to the sheet's end and a stray value far away",
        "features": [
            {"part": S1, "marker": 'ref="A1:XFD1048576"', "path": "worksheet/dimension[@ref='A1:XFD1048576']", "what": "declared dimension of the whole sheet"},
            {"part": S1, "marker": 'max="16384"', "path": "worksheet/cols/col[@max='16384'][@style]", "what": "every column A:XFD has a style (a fill): column formatting over a huge span"},
            {"part": S1, "marker": 'customFormat="1"/>', "path": "worksheet/sheetData/row[@customFormat='1'][not(c)]", "what": what_rows},
            {"part": S1, "marker": 'r="XFD1048576"', "path": "worksheet/sheetData/row[@r='1048576']/c[@r='XFD1048576']", "what": "one value \"x\" in the last cell of the sheet"},
        ],
        "inputs": [inputs(form) + "; one-sheet form (village counts and the postal point are columns)"],
        "sheets": sheets_meta(wb, {"Xã": "communes"}),
        "expect": expect(cs, form),
        "smoke": "ods",
        "notes": "Reading must cost what the sheet holds (a few hundred cells), not 16384 × 1048576; TC8 writes its columns after the table, not after XFD.",
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 13 layout: merged titles, panes, hidden rows, empty formatting, tables


def f13(kind: str) -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    if kind == "layout":
        wb.company = "UBND huyện Bình Gia"
        cs = communes("Bình Gia", [("Hoàng Văn Thụ", "pass"), ("Mông Ân", "computers"), ("Hồng Phong", "internet"), ("Hoa Thám", "loa"), ("Quý Hòa", "pass")], 5130)
    else:
        wb.company = "UBND huyện Văn Quan"
        cs = communes("Văn Quan", [("Yên Phúc", "pass"), ("Bình Phúc", "online"), ("Xuân Mai", "wifi"), ("Tú Xuyên", "dongbang")], 6350)
    lk = look(wb)
    if kind == "layout":
        form = communes_sheet(wb, cs, title=TITLE, subtitle="Huyện Bình Gia – năm 2024", lk=lk)
        ws = form.sheet
        # A column-number row under the header (hidden by the official) pushes the data down one row.
        moved = {}
        for (r, c), v in ws.cells.items():
            moved[(r + 1 if r > form.header_row else r, c)] = v
        ws.cells = moved
        for c in cs:
            form.rows[c.name] += 1
        form.first_row += 1
        form.last_row += 1
        num_row = form.header_row + 1
        ital = wb.styles.xf(font='<i/><sz val="10"/><name val="Times New Roman"/><family val="1"/>', border=THIN, align='horizontal="center"')
        for j in range(1, form.last_col + 1):
            ws.set(num_row, j, f"({j})", ital)
        ws.rows[num_row] = {"hidden": "1"}
        total = form.last_row + 1
        bold = wb.styles.xf(font=FONT_B, border=THIN, numfmt="#,##0")
        ws.set(total, 1, None, bold)
        ws.set(total, 2, "Tổng cộng", bold)
        for k in ("officials", "officials_with_computer", "dossiers_total", "dossiers_online", "working_age"):
            col = form.col(k)
            ws.set(total, form.cols[k], F(f"SUM({col}{form.first_row}:{col}{form.last_row})", sum(c.row[k] for c in cs)), bold)
        # Bordered empty rows prepared for more communes, a row style down to row 60, column styles beyond the table.
        empty = wb.styles.xf(font=FONT, border=THIN)
        for r in range(total + 1, 41):
            ws.rows[r] = {"s": empty, "customFormat": "1", "ht": "18", "customHeight": "1"}
        grey = wb.styles.xf(fill="F2F2F2")
        last = form.last_col
        ws.elems["cols"] = ws.elems["cols"].replace("</cols>", f'<col min="{last + 1}" max="{last + 4}" width="11.42578125" style="{grey}"/></cols>')
        ws.add("sheetViews", f'<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0">'
                             f'<pane xSplit="3" ySplit="{num_row}" topLeftCell="D{num_row + 1}" activePane="bottomRight" state="frozen"/>'
                             f'<selection pane="topRight" activeCell="D1" sqref="D1"/><selection pane="bottomLeft" activeCell="A{num_row + 1}" sqref="A{num_row + 1}"/>'
                             f'<selection pane="bottomRight" activeCell="D{num_row + 1}" sqref="D{num_row + 1}"/></sheetView></sheetViews>')
        ws.add("autoFilter", f'<autoFilter ref="A{form.header_row}:{col_letter(last)}{form.last_row}"/>')
        wb.defined_names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{q("Xã")}!$A${form.header_row}:${col_letter(last)}${form.last_row}</definedName>')
        vil = villages_sheet(wb, cs, lk=lk)
        post = postal_sheet(wb, cs, lk=lk)
        # The villages sheet: a hidden column and an outline group.
        vil.sheet.elems["cols"] = vil.sheet.elems["cols"].replace('<col min="11" max="11" width="24.7109375" customWidth="1"/>',
                                                                  '<col min="11" max="11" width="24.7109375" hidden="1" customWidth="1"/>')
        feats = [
            {"part": S1, "marker": '<mergeCell ref="A1:P1"/>', "path": "worksheet/mergeCells/mergeCell", "what": "merged title A1:P1 and subtitle A2:P2"},
            {"part": S1, "marker": 'state="frozen"', "path": "worksheet/sheetViews/sheetView/pane[@state='frozen']", "what": f"frozen panes at D{num_row + 1} (3 columns, {num_row} rows)"},
            {"part": S1, "marker": 'hidden="1"', "path": f"worksheet/sheetData/row[@r='{num_row}'][@hidden='1']", "what": f"the column-number row {num_row} is hidden"},
            {"part": S1, "marker": 'customFormat="1" ht="18" customHeight="1"/>', "path": "worksheet/sheetData/row[@customFormat='1'][not(c)]", "what": f"bordered empty rows {total + 1}–40 (customFormat, customHeight)"},
            {"part": S1, "path": f"worksheet/cols/col[@min='{last + 1}'][@style]", "what": f"column styles on the empty columns {col_letter(last + 1)}:{col_letter(last + 4)} right of the table (where TC8 would write)"},
            {"part": S1, "marker": '<autoFilter ', "path": "worksheet/autoFilter", "what": f"autofilter A{form.header_row}:{col_letter(last)}{form.last_row} (+ hidden _xlnm._FilterDatabase name)"},
            {"part": S1, "marker": '<f>SUM(', "path": f"worksheet/sheetData/row[@r='{total}']/c/f", "what": f"a 'Tổng cộng' row {total} with SUM formulas"},
            {"part": S2, "marker": 'hidden="1" customWidth="1"', "path": "worksheet/cols/col[@hidden='1']", "what": "a hidden column (providers) on the villages sheet"},
        ]
        notes = f"TC8's new columns land where the column styles are ({col_letter(last + 1)}…): the user's <col> elements must stay (split, not dropped) and the empty rows keep their format."
    else:
        form = communes_sheet(wb, cs, title=TITLE, subtitle="Huyện Văn Quan – năm 2024", lk=lk)
        ws = form.sheet
        total = form.last_row + 1
        last = form.last_col
        ref_ = f"A{form.header_row}:{col_letter(last)}{total}"
        sums = {"officials", "officials_with_computer", "dossiers_total", "dossiers_online", "working_age", "smartphone_users"}
        cols_xml = []
        headers = ["STT"] + [h for _, h in COMMUNE_COLUMNS]
        keys = ["stt"] + [k for k, _ in COMMUNE_COLUMNS]
        bold = wb.styles.xf(font=FONT_B, border=THIN, numfmt="#,##0")
        for j, (k, h) in enumerate(zip(keys, headers), 1):
            a = f'<tableColumn id="{j}" name="{attr(h)}"'
            if k == "commune":
                a += ' totalsRowLabel="Tổng cộng"'
                ws.set(total, j, "Tổng cộng", bold)
            elif k in sums:
                a += ' totalsRowFunction="sum"'
                ws.set(total, j, F(f"SUBTOTAL(109,BangXa[{h}])", sum(c.row[k] for c in cs)), bold)
            cols_xml.append(a + "/>")
        table = (DECL + f'<table xmlns="{NS_MAIN}" id="1" name="BangXa" displayName="BangXa" ref="{ref_}" totalsRowCount="1">'
                 f'<autoFilter ref="A{form.header_row}:{col_letter(last)}{form.last_row}"/>'
                 f'<tableColumns count="{len(cols_xml)}">{"".join(cols_xml)}</tableColumns>'
                 '<tableStyleInfo name="TableStyleMedium9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>')
        wb.part("xl/tables/table1.xml", table, CT["table"])
        rid = ws.rel(f"{REL}/table", "../tables/table1.xml")
        ws.add("tableParts", f'<tableParts count="1"><tablePart r:id="{rid}"/></tableParts>')
        vil = villages_sheet(wb, cs, lk=lk)
        post = postal_sheet(wb, cs, lk=lk)
        feats = [
            {"part": "xl/tables/table1.xml", "marker": 'totalsRowCount="1"', "path": "table[@name='BangXa'][@totalsRowCount='1']", "what": f"the communes table is an Excel table {ref_} with a totals row"},
            {"part": "xl/tables/table1.xml", "marker": 'totalsRowFunction="sum"', "path": "table/tableColumns/tableColumn[@totalsRowFunction='sum'] + [@totalsRowLabel]", "what": "sum totals and a 'Tổng cộng' label"},
            {"part": "xl/tables/table1.xml", "marker": 'TableStyleMedium9', "path": "table/tableStyleInfo[@name='TableStyleMedium9']", "what": "table style with row stripes"},
            {"part": "xl/tables/table1.xml", "marker": '<autoFilter ', "path": "table/autoFilter", "what": "the table's own autofilter"},
            {"part": S1, "marker": 'SUBTOTAL(109,BangXa[', "path": f"worksheet/sheetData/row[@r='{total}']/c/f[starts-with(.,'SUBTOTAL(109,BangXa[')]", "what": "structured references to the table's columns in the totals row"},
            {"part": S1, "marker": '<tablePart ', "path": "worksheet/tableParts/tablePart/@r:id", "what": "the sheet's link to the table part"},
        ]
        notes = "If TC8 writes its columns inside or beside the table it must widen table1.xml's ref and tableColumns (the issue's \"widened table parts\") and keep the totals row's formulas and label."
    meta = {
        "family": "13. Merged titles, frozen panes, hidden rows, formatting of empty rows and columns, autofilter" if kind == "layout"
        else "13. An Excel table (ListObject) with a totals row and a style, holding the communes",
        "features": feats,
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": notes,
    }
    return wb.build(), meta


# ---------------------------------------------------------------- 14 threaded comments


def f14() -> tuple[dict[str, bytes], Meta]:
    wb = Workbook()
    wb.company = "UBND huyện Lộc Bình"
    cs = communes("Lộc Bình", [("Lục Thôn", "pass"), ("Xuân Dương", "online"), ("Yên Khoái", "plates"), ("Hữu Khánh", "pass")], 6150)
    lk = look(wb)
    form, vil, post = standard(wb, cs, title=TITLE, subtitle="Huyện Lộc Bình – năm 2024", lk=lk)
    people = [("Vi Thị Hằng", bits.guid("14-person-hang"), "hang.vt@langson.gov.vn", "AD"), ("Hoàng Văn Quân", bits.guid("14-person-quan"), "Hoàng Văn Quân", "None")]
    t1, t1r, t2 = bits.guid("14-thread-online"), bits.guid("14-reply-online"), bits.guid("14-thread-plates")
    c_online = form.cell(cs[1].name, "dossiers_online")
    c_plates = form.cell(cs[2].name, "address_plates")
    c_note = form.cell(cs[0].name, "commune")
    texts = {t1: "Số hồ sơ trực tuyến chỉ 250, đề nghị xã kiểm tra lại trên hệ thống một cửa.",
             t1r: "@Vi Thị Hằng đã kiểm tra: đúng 250 hồ sơ, xã sẽ bổ sung trong quý I/2025.",
             t2: "Còn 40 điểm chưa gắn biển, dự kiến xong tháng 12."}
    mention = texts[t1r].index("@")
    threaded = (DECL + '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
                f'xmlns:x="{NS_MAIN}">'
                f'<threadedComment ref="{c_online}" dT="2024-11-21T02:14:09.52" personId="{people[0][1]}" id="{t1}"><text>{esc(texts[t1])}</text></threadedComment>'
                f'<threadedComment ref="{c_online}" dT="2024-11-21T07:40:55.10" personId="{people[1][1]}" id="{t1r}" parentId="{t1}"><text>{esc(texts[t1r])}</text>'
                f'<mentions><mention mentionpersonId="{people[0][1]}" mentionId="{bits.guid("14-mention")}" startIndex="{mention}" length="{len("@Vi Thị Hằng")}"/></mentions></threadedComment>'
                f'<threadedComment ref="{c_plates}" dT="2024-11-22T01:05:00.00" personId="{people[1][1]}" id="{t2}" done="1"><text>{esc(texts[t2])}</text></threadedComment>'
                "</ThreadedComments>")
    persons = (DECL + '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
               f'xmlns:x="{NS_MAIN}">' + "".join(f'<person displayName="{attr(n)}" id="{i}" userId="{attr(u)}" providerId="{p}"/>' for n, i, u, p in people)
               + "</personList>")
    intro = ("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed "
             "if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ")
    legacy = [(c_note, "Nông Thị Lan", None, "Xã điểm của huyện năm 2024."),
              (c_online, f"tc={t1}", t1, intro + texts[t1] + "\nReply:\n    " + texts[t1r]),
              (c_plates, f"tc={t2}", t2, intro + texts[t2])]
    legacy.sort(key=lambda x: (int("".join(ch for ch in x[0] if ch.isdigit())), x[0]))
    authors = [a for _, a, _, _ in legacy]
    cl = "".join(f'<comment ref="{r}" authorId="{authors.index(a)}" shapeId="0"' + (f' xr:uid="{u}"' if u else f' xr:uid="{bits.guid("14-note")}"')
                 + f'><text><t xml:space="preserve">{esc(t).replace(chr(10), "_x000D_" + chr(10)) if not u else esc(t)}</t></text></comment>'
                 for r, a, u, t in legacy)
    comments = (DECL + f'<comments xmlns="{NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" '
                'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors>'
                + "".join(f"<author>{esc(a)}</author>" for a in authors) + f"</authors><commentList>{cl}</commentList></comments>")
    from ooxml import parse_ref
    shapes = []
    for i, (r, _, _, _) in enumerate(legacy):
        rr, cc = parse_ref(r)
        shapes.append(bits.vml_note(1025 + i, rr - 1, cc - 1))
    ws = form.sheet
    ws.rel("http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment1.xml")
    ws.rel(f"{REL}/comments", "../comments1.xml")
    vrid = ws.rel(f"{REL}/vmlDrawing", "../drawings/vmlDrawing1.vml")
    ws.add("legacyDrawing", f'<legacyDrawing r:id="{vrid}"/>')
    wb.part("xl/threadedComments/threadedComment1.xml", threaded, CT["threadedComments"])
    wb.part("xl/persons/person.xml", persons, CT["person"])
    wb.part("xl/comments1.xml", comments, CT["comments"])
    wb.part("xl/drawings/vmlDrawing1.vml", bits.vml(1, shapes).encode("utf-8"))
    wb.defaults["vml"] = CT["vml"]
    wb.wb_rel("http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml")
    meta = {
        "family": "14. Threaded comments (Excel 365) with their legacy placeholders, and a plain note",
        "features": [
            {"part": "xl/threadedComments/threadedComment1.xml", "marker": '<threadedComment ', "path": "ThreadedComments/threadedComment", "what": f"a thread with a reply and a @mention on {c_online} (an input cell TC8 marks) and a resolved thread (done=\"1\") on {c_plates} (also marked)"},
            {"part": "xl/persons/person.xml", "marker": '<person ', "path": "personList/person", "what": "two people (one AD account, one local), referenced by personId and mentionpersonId; linked from the workbook's .rels"},
            {"part": "xl/comments1.xml", "marker": '<author>tc={', "path": "comments/commentList/comment[@xr:uid]", "what": "the legacy placeholders Excel keeps (authors tc={id}, text \"[Threaded comment] …\") plus a plain note on " + c_note},
            {"part": "xl/drawings/vmlDrawing1.vml", "marker": 'ObjectType="Note"', "path": "xml/v:shape/x:ClientData[@ObjectType='Note']", "what": "one shape per legacy comment"},
            {"part": "xl/worksheets/_rels/sheet1.xml.rels", "marker": 'relationships/threadedComment', "path": "Relationships/Relationship[@Type='http://schemas.microsoft.com/office/2017/10/relationships/threadedComment']", "what": "the sheet's link to its threads"},
        ],
        "inputs": [inputs(form), inputs(vil, "villages"), inputs(post, "postal points")],
        "sheets": sheets_meta(wb, {"Xã": "communes", "Thôn": "villages", "Điểm BĐVHX": "postal points"}),
        "expect": expect(cs, form),
        "notes": "A cell with a threaded comment cannot also take a plain note in Excel: TC8's explanation for "
                 f"{c_online} and {c_plates} must go elsewhere (its Giải thích column), never into or over the thread.",
    }
    return wb.build(), meta
