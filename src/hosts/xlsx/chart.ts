/**
 * The summary's chart as parts of the package: a clustered column chart (DrawingML) of the communes
 * passing, failing and lacking data per indicator, drawn over the cells the planner left for it, so
 * the command line and the browser page draw it as the add-in does. Values are referenced from the
 * sheet's cells, with a cache of them so a reader that does not recalculate shows them too.
 */
import { colLetter, quoteSheet, type RangeRef } from "../../core/shared/grid";
import type { ChartSpec, SheetCell } from "../../core/plan";
import { escapeText } from "./xml";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Series colours: the verdicts' own hues, strong enough to tell apart in print. */
const SERIES_COLORS = ["6AA84F", "E06666", "F1C232"];

const abs = (sheet: string, r0: number, c0: number, r1: number, c1: number) =>
  `${quoteSheet(sheet)}!$${colLetter(c0)}$${r0 + 1}${r1 !== r0 || c1 !== c0 ? `:$${colLetter(c1)}$${r1 + 1}` : ""}`;

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: number[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;
}

/** The chart part: categories in the range's first column, one series per further column, names in its first row. */
export function chartXml(sheet: string, spec: ChartSpec, cells: readonly SheetCell[]): string {
  const at = new Map(cells.map((c) => [`${c.row}|${c.col}`, c.value]));
  const r = spec.range;
  const text = (row: number, col: number) => String(at.get(`${row}|${col}`) ?? "");
  const num = (row: number, col: number) => Number(at.get(`${row}|${col}`) ?? 0) || 0;
  const rows = Array.from({ length: r.r1 - r.r0 }, (_, i) => r.r0 + 1 + i);
  const categories = `<c:cat><c:strRef><c:f>${escapeText(abs(sheet, r.r0 + 1, r.c0, r.r1, r.c0))}</c:f>${strCache(rows.map((row) => text(row, r.c0)))}</c:strRef></c:cat>`;
  const series = [];
  for (let col = r.c0 + 1; col <= r.c1; col++) {
    const i = col - r.c0 - 1;
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(abs(sheet, r.r0, col, r.r0, col))}</c:f>${strCache([text(r.r0, col)])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        categories +
        `<c:val><c:numRef><c:f>${escapeText(abs(sheet, r.r0 + 1, col, r.r1, col))}</c:f>${numCache(rows.map((row) => num(row, col)))}</c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="80"/><c:axId val="80001"/><c:axId val="80002"/></c:barChart>` +
    `<c:catAx><c:axId val="80001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="80002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="80002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="80001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part placing the chart over `anchor` (its cells, top-left to bottom-right, inclusive). */
export function drawingXml(anchor: RangeRef, chartRid: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from><xdr:col>${anchor.c0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.r0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${anchor.c1 + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.r1 + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="TC8"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
