/**
 * Workbooks as officials keep them, one family of features each, made here so the byte-identity
 * tests have them even where the corpus (test/fixtures/corpus/) is not there: a valid TC8 input
 * (written by exceljs) with parts and elements written into the package as Excel writes them.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { Package } from "../../src/hosts/xlsx/package";
import { readModel } from "../../src/hosts/xlsx/read";
import { childOfRoot, insertInOrder, WORKBOOK_ORDER, WORKSHEET_ORDER } from "../../src/hosts/xlsx/xml";
import { communesSheet, villagesSheet, xlsx } from "./xlsx";

export const CORPUS = path.join(__dirname, "../fixtures/corpus");

export interface Fixture {
  name: string;
  bytes: Uint8Array;
  /** The corpus manifest's entry (test/fixtures/corpus/manifest.json), for its files. */
  manifest?: CorpusEntry;
}

export interface CorpusEntry {
  file: string;
  features: { part: string; marker?: string; what: string }[];
  expect: { exit: number; communes: { name: string; ntm: string; nc: string }[] };
  may_edit: string[];
}

const COMMUNES = [
  { commune: "Xã Tân Thành" },
  { commune: "Xã Hồng Phong", officials_with_computer: 9 },
  { commune: "Xã Hoa Thám", website_posts_year: null },
];
const VILLAGES = [
  { commune: "Xã Tân Thành", village: "Thôn Nà Lầu" },
  { commune: "Xã Hồng Phong", village: "Bản Cạp", internet_fixed: "Không", internet_mobile: "Không" },
];

async function base(): Promise<Uint8Array> {
  return xlsx([communesSheet(COMMUNES), villagesSheet(VILLAGES)]);
}

/** Edits a package's parts in place; everything else stays as it was. */
function edit(bytes: Uint8Array, f: (pkg: Package, sheet1: string, workbook: string) => void): Uint8Array {
  const pkg = new Package(bytes);
  const model = readModel(pkg);
  f(pkg, model.sheets[0].part!, model.workbookPart);
  return pkg.toBytes();
}

function intoSheet(pkg: Package, part: string, local: (typeof WORKSHEET_ORDER)[number], text: string): void {
  let xml = pkg.text(part);
  const old = childOfRoot(xml, local);
  if (old) xml = xml.slice(0, old.tag.start) + xml.slice(old.end);
  pkg.set(part, insertInOrder(xml, WORKSHEET_ORDER, local, text));
}

function intoWorkbook(pkg: Package, part: string, local: (typeof WORKBOOK_ORDER)[number], text: string): void {
  let xml = pkg.text(part);
  const old = childOfRoot(xml, local);
  if (old) xml = xml.slice(0, old.tag.start) + xml.slice(old.end);
  pkg.set(part, insertInOrder(xml, WORKBOOK_ORDER, local, text));
}

function addPart(pkg: Package, name: string, text: string | Uint8Array, contentType?: string): void {
  pkg.set(name, text);
  if (contentType) pkg.addOverride(name, contentType);
}

/** The families of the issue, made from the same valid input. */
export async function ownFixtures(): Promise<Fixture[]> {
  const b = await base();
  const out: Fixture[] = [];

  out.push({
    name: "names.xlsx",
    bytes: edit(b, (pkg, _s, wb) =>
      intoWorkbook(
        pkg,
        wb,
        "definedNames",
        `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Xã'!$1:$1</definedName><definedName name="An" hidden="1">'Xã'!$A$2</definedName><definedName name="Dong">OFFSET('Xã'!$A$1,0,0,COUNTA('Xã'!$A:$A),1)</definedName><definedName name="Mang">{1,2,3}</definedName><definedName name="TyLe">0.5</definedName><definedName name="VungXa" localSheetId="1">'Thôn'!$A$1:$B$3</definedName></definedNames>`,
      ),
    ),
  });

  out.push({
    name: "sheet-extras.xlsx",
    bytes: edit(b, (pkg, s) => {
      intoSheet(
        pkg,
        s,
        "conditionalFormatting",
        `<conditionalFormatting sqref="E2:E4"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>`,
      );
      intoSheet(
        pkg,
        s,
        "dataValidations",
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C2:C4"><formula1>'Thôn'!$B$2:$B$3</formula1></dataValidation></dataValidations>`,
      );
      intoSheet(
        pkg,
        s,
        "rowBreaks",
        `<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks>`,
      );
      intoSheet(
        pkg,
        s,
        "ignoredErrors",
        `<ignoredErrors><ignoredError sqref="A2:A4" numberStoredAsText="1"/></ignoredErrors>`,
      );
      intoSheet(
        pkg,
        s,
        "extLst",
        `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>'Xã'!I2:J2</xm:f><xm:sqref>A8</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`,
      );
    }),
  });

  // Notes of the user's on the communes sheet, one on a cell TC8 marks.
  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Xã")!;
    const col = communesSheet([]).rows[0].indexOf("Số CBCC có máy vi tính") + 1;
    ws.getCell(3, col).note = "Số liệu của phòng Nội vụ, tháng 6";
    ws.getCell(2, 1).note = "Ghi chú của người dùng";
    out.push({ name: "notes.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
  }

  out.push({
    name: "macros.xlsm",
    bytes: edit(b, (pkg, s, wb) => {
      addPart(pkg, "xl/vbaProject.bin", new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)));
      pkg.addDefault("bin", "application/vnd.ms-office.vbaProject");
      pkg.removeOverride(wb);
      pkg.addOverride(wb, "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      const rels = pkg.text("xl/_rels/workbook.xml.rels");
      pkg.set(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
        ),
      );
      intoSheet(pkg, s, "sheetPr", '<sheetPr codeName="Sheet1"/>');
      intoWorkbook(pkg, wb, "workbookPr", '<workbookPr codeName="ThisWorkbook"/>');
    }),
  });

  out.push({
    name: "shared-strings-escapes.xlsx",
    bytes: edit(b, (pkg) => {
      const sst = pkg.text("xl/sharedStrings.xml");
      pkg.set(
        "xl/sharedStrings.xml",
        sst
          .replace("<t>Thôn Nà Lầu</t>", "<t>Thôn Nà_x000B_Lầu</t>")
          .replace("<t>Bản Cạp</t>", "<t>Bản _x005F_x0041_ Cạp</t>"),
      );
    }),
  });

  out.push({
    name: "document-parts.xlsx",
    bytes: edit(b, (pkg, _s, wb) => {
      addPart(
        pkg,
        "docProps/custom.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Đơn vị"><vt:lpwstr>UBND huyện Bình Gia</vt:lpwstr></property></Properties>`,
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
      );
      const root = pkg.text("_rels/.rels");
      pkg.set(
        "_rels/.rels",
        root.replace(
          "</Relationships>",
          `<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
        ),
      );
      addPart(
        pkg,
        "customXml/item1.xml",
        `<?xml version="1.0" encoding="UTF-8"?><hoSo xmlns="urn:langson:tc8">2024-06</hoSo>`,
      );
      addPart(
        pkg,
        "customXml/itemProps1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6B2E3C1A-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
      );
      addPart(
        pkg,
        "customXml/_rels/item1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
      );
      addPart(
        pkg,
        "xl/externalLinks/externalLink1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
      );
      addPart(
        pkg,
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/BaoCao/so-lieu-2023.xlsx" TargetMode="External"/></Relationships>`,
      );
      const rid = pkg.addRel(wb, "/externalLink", "xl/externalLinks/externalLink1.xml");
      intoWorkbook(
        pkg,
        wb,
        "externalReferences",
        `<externalReferences><externalReference r:id="${rid}"/></externalReferences>`,
      );
    }),
  });

  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Xã")!;
    const officials = communesSheet([]).rows[0].indexOf("Số cán bộ, công chức xã") + 1;
    for (let r = 2; r <= 4; r++) ws.getCell(r, officials).numFmt = '#,##0 "người"';
    ws.getCell(2, 1).font = { name: "Times New Roman", bold: true, color: { theme: 4 } };
    const themed = new Uint8Array(await wb.xlsx.writeBuffer());
    out.push({
      name: "theme-numfmts.xlsx",
      bytes: edit(themed, (pkg) => {
        const theme = pkg.find("xl/theme/theme1.xml");
        if (theme)
          pkg.set(
            theme,
            pkg
              .text(theme)
              .replace(/<a:accent1>[\s\S]*?<\/a:accent1>/, '<a:accent1><a:srgbClr val="7A2E8C"/></a:accent1>'),
          );
      }),
    });
  }

  out.push({
    name: "table.xlsx",
    bytes: await xlsx([{ ...communesSheet(COMMUNES), table: "BangXa" }, villagesSheet(VILLAGES)]),
  });
  return out;
}

/** Every .xlsx / .xlsm of the corpus (test/fixtures/corpus/), when it is there. */
export function corpusFixtures(): Fixture[] {
  if (!fs.existsSync(CORPUS)) return [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(e.name)) files.push(p);
    }
  };
  walk(CORPUS);
  const manifestFile = path.join(CORPUS, "manifest.json");
  const entries: CorpusEntry[] = fs.existsSync(manifestFile)
    ? (JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { files: CorpusEntry[] }).files
    : [];
  return files.sort().map((f) => {
    const name = path.relative(CORPUS, f);
    const manifest = entries.find((e) => e.file === name);
    return { name, bytes: new Uint8Array(fs.readFileSync(f)), ...(manifest ? { manifest } : {}) };
  });
}

/** A protected workbook structure, and a protected communes sheet: TC8 must refuse both. */
export async function protectedFixtures(): Promise<{ structure: Uint8Array; sheet: Uint8Array }> {
  const b = await base();
  return {
    structure: edit(b, (pkg, _s, wb) =>
      intoWorkbook(pkg, wb, "workbookProtection", `<workbookProtection lockStructure="1"/>`),
    ),
    sheet: edit(b, (pkg, s) =>
      intoSheet(pkg, s, "sheetProtection", `<sheetProtection sheet="1" objects="1" scenarios="1"/>`),
    ),
  };
}
