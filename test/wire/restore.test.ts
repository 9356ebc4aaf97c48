/**
 * Clear results gives the workbook back, through Excel's own client: after Evaluate, Evaluate,
 * Clear results every cell's value, fill, font colour and note is as before, on every ExcelApi
 * level TC8 supports; a second evaluation never records TC8's own colours as a cell's original; a
 * user's note is never replaced, nor a colour or a note the user changed after TC8 marked the cell.
 */
import { clearInContext, evaluateInContext } from "../../src/hosts/office";
import { decodeOriginal } from "../../src/hosts/office/state";
import { CHECKLIST_SHEET, STATE_SHEET } from "../../src/core/state/own";
import { colLetter } from "../../src/core/shared/grid";
import type { Capabilities } from "../../src/hosts/office/capabilities";
import { colOfKey, district, FIRST_ROW } from "../helpers/wire/district";
import { API_17, API_118, API_19, wireContext } from "../helpers/wire/harness";
import type { SimExcel } from "../helpers/wire/sim";

const at = new Date(2026, 10, 28, 9, 30);
const evaluate = (x: SimExcel, caps: Capabilities) => evaluateInContext(wireContext(x), { evaluatedAt: at }, caps);
const clear = (x: SimExcel, caps: Capabilities, removeChecklist = true) =>
  clearInContext(wireContext(x), { removeChecklist }, caps);
/** Every sheet but TC8's very hidden state (which Clear results keeps, with the column mapping). */
const view = (x: SimExcel) =>
  Object.fromEntries(Object.entries(x.snapshot()).filter(([k]) => !k.startsWith(STATE_SHEET)));
const state = (x: SimExcel) =>
  JSON.parse([...x.sheet(STATE_SHEET).rows.values()].map((r) => String(r.get(0)?.v ?? "")).join(""));
const computers = colOfKey("officials_with_computer");
const cell = (i: number, col: number) => `${colLetter(col)}${FIRST_ROW + i + 1}`;

describe.each([
  ["1.18 (notes)", API_118],
  ["1.9 (area lists, no notes)", API_19],
] as const)("ExcelApi %s", (_name, caps) => {
  test("Evaluate, Evaluate, Clear results gives back every cell's value, fill (white apart from none), font colour and note", async () => {
    const x = district(65);
    const before = view(x);
    await evaluate(x, caps);
    // Marked in red over the user's yellow, and over the user's white.
    expect(x.sheet("Xã").peek(FIRST_ROW + 1, computers)?.fill).toBe("#FFC7CE");
    expect(x.sheet("Xã").peek(FIRST_ROW + 6, computers)?.fill).toBe("#FFC7CE");
    await evaluate(x, caps);
    // The second evaluation saved the user's formatting, not TC8's red.
    const originals = state(x).marks.map((m: { original: unknown }) => decodeOriginal(m.original)!.look);
    expect(originals.filter((o: { fill: string | null }) => o.fill === "#FFC7CE" || o.fill === "#FFEB9C")).toEqual([]);
    expect(originals).toContainEqual({ fill: "#FFFF00", font: "#0000FF" });
    expect(originals).toContainEqual({ fill: "#FFFFFF", font: "#000000" });
    await clear(x, caps);
    expect(view(x)).toEqual(before);
    expect(x.sheet("Xã").peek(FIRST_ROW + 6, computers)?.fill).toBe("#FFFFFF");
    expect(x.sheet("Xã").peek(FIRST_ROW + 11, computers)?.fill).toBe("#FFFF00");
    expect(x.sheet("Xã").peek(FIRST_ROW + 11, colOfKey("sw_email"))?.fill).toBeUndefined();
  });
});

test("ExcelApi 1.7: the same, but a white fill comes back as no fill (Excel reads both as #FFFFFF before 1.9)", async () => {
  const x = district(65);
  const before = view(x);
  for (const cells of Object.values(before))
    for (const [k, v] of Object.entries(cells)) cells[k] = v.replace(/ ?fill=#FFFFFF/, "");
  for (const k of Object.keys(before)) before[k] = Object.fromEntries(Object.entries(before[k]).filter(([, v]) => v));
  await evaluate(x, API_17);
  await evaluate(x, API_17);
  await clear(x, API_17);
  expect(view(x)).toEqual(before);
});

test("a user's note stays, where TC8 marks the cell; TC8's own note goes with Clear results unless the user edited it", async () => {
  const x = district(65);
  const xa = x.sheet("Xã");
  await evaluate(x, API_118);
  // Commune 11 fails and has the user's note: kept, TC8 adds none.
  expect(x.noteAt("Xã", cell(11, computers))).toBe("Số liệu của phòng Văn hóa");
  expect(xa.peek(FIRST_ROW + 11, computers)?.fill).toBe("#FFC7CE");
  // Commune 1's note is TC8's; the user edits commune 6's.
  expect(x.noteAt("Xã", cell(1, computers))).toMatch(/^8\.4 NTM, điểm a – Máy vi tính/);
  x.notes.set(x.noteKey(xa, FIRST_ROW + 6, computers), "Đã kiểm tra lại: 4 máy");
  // The user recolours commune 16's marked cell green.
  Object.assign(xa.cell(FIRST_ROW + 16, computers), { fill: "#00B050", font: "#FFFFFF" });
  await evaluate(x, API_118);
  // Evaluating again keeps the user's choices: the edited note, and marks the recoloured cell again.
  expect(x.noteAt("Xã", cell(6, computers))).toBe("Đã kiểm tra lại: 4 máy");
  expect(xa.peek(FIRST_ROW + 16, computers)?.fill).toBe("#FFC7CE");
  await clear(x, API_118);
  expect(x.noteAt("Xã", cell(11, computers))).toBe("Số liệu của phòng Văn hóa");
  expect(x.noteAt("Xã", cell(6, computers))).toBe("Đã kiểm tra lại: 4 máy");
  expect(x.noteAt("Xã", cell(1, computers))).toBeUndefined();
  // The recoloured cell gets the user's green back: it was the cell's look when TC8 marked it again.
  expect(xa.peek(FIRST_ROW + 16, computers)).toMatchObject({ fill: "#00B050", font: "#FFFFFF" });
});

test("a cell the user recoloured after TC8 marked it keeps the user's colours on Clear results", async () => {
  const x = district(65);
  const xa = x.sheet("Xã");
  await evaluate(x, API_19);
  Object.assign(xa.cell(FIRST_ROW + 1, computers), { fill: "#00B050" });
  await clear(x, API_19);
  expect(xa.peek(FIRST_ROW + 1, computers)?.fill).toBe("#00B050");
  // The others are restored.
  expect(xa.peek(FIRST_ROW + 11, computers)?.fill).toBe("#FFFF00");
  expect(xa.peek(FIRST_ROW + 1, colOfKey("sw_email"))?.fill).toBeUndefined();
});

test("the checklist's table is made through a range of its own sheet, whichever sheet is active", async () => {
  const x = district(20);
  x.active = 1;
  await evaluate(x, API_118);
  const t = x.tables.find((t) => t.name === "TC8_MinhChung");
  expect(t?.sheet.name).toBe(CHECKLIST_SHEET);
  expect(x.tables).toHaveLength(1);
  // Rows of wrapped text TC8 wrote were fitted: the explanations and the checklist.
  expect(x.sheet("Xã").autofitRows.length).toBeGreaterThan(0);
  expect(x.sheet(CHECKLIST_SHEET).autofitRows.length).toBeGreaterThan(0);
});
