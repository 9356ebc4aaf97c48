/**
 * Crash consistency through Excel's own client: whichever write request fails, before it runs or
 * halfway through it, Clear results then gives back the workbook as it was before the evaluation;
 * and an interrupted re-evaluation loses none of what the user typed in the checklist. Requests are
 * kept small here (20 KB) so a 20-commune district takes a dozen write requests.
 */
import { clearInContext, evaluateInContext } from "../../src/hosts/office";
import { CHECKLIST_SHEET, STATE_SHEET } from "../../src/core/state/own";
import { district } from "../helpers/wire/district";
import { API_118, API_19, wireContext } from "../helpers/wire/harness";
import type { SimExcel } from "../helpers/wire/sim";
import type { Capabilities } from "../../src/hosts/office/capabilities";

const at = new Date(2026, 10, 28, 9, 30);
const BUDGET = 20_000;
const evaluate = (x: SimExcel, caps: Capabilities) =>
  evaluateInContext(wireContext(x), { evaluatedAt: at }, caps, undefined, { requestBudget: BUDGET });
const clear = (x: SimExcel, caps: Capabilities, removeChecklist = true) =>
  clearInContext(wireContext(x), { removeChecklist }, caps);
const view = (x: SimExcel) =>
  Object.fromEntries(Object.entries(x.snapshot()).filter(([k]) => !k.startsWith(STATE_SHEET)));
const writes = (x: SimExcel) => x.log.filter((l) => l.write).length;

/** The user's entries in the checklist: statuses and notes they typed. */
function typeEntries(x: SimExcel): void {
  const ws = x.sheet(CHECKLIST_SHEET);
  for (const r of [1, 5, 9]) ws.set(`G${r + 1}`, [["Đã có"]]).set(`I${r + 1}`, [[`Đã nộp bản gốc ${r}`]]);
}
const entries = (x: SimExcel) => {
  const ws = x.sheet(CHECKLIST_SHEET);
  return [...ws.rows.values()]
    .filter((row) => String(row.get(8)?.v ?? "").startsWith("Đã nộp"))
    .map((row) => [row.get(0)?.v, row.get(3)?.v, row.get(6)?.v, row.get(8)?.v]);
};

describe.each([
  ["1.18", API_118],
  ["1.9", API_19],
] as const)("ExcelApi %s", (_api, caps) => {
  test.each(["first evaluation", "re-evaluation"] as const)(
    "%s failing at any write request, before it or halfway: Clear results restores the workbook",
    async (pass) => {
      const probe = district(20);
      if (pass === "re-evaluation") await evaluate(probe, caps);
      probe.log = [];
      await evaluate(probe, caps);
      const n = writes(probe);
      expect(n).toBeGreaterThan(6);
      for (let k = 1; k <= n; k++)
        for (const point of ["start", "middle"] as const) {
          const x = district(20);
          const original = view(x);
          if (pass === "re-evaluation") await evaluate(x, caps);
          x.failWrite({ write: k, at: point });
          await expect(evaluate(x, caps)).rejects.toThrow();
          x.failWrite(undefined);
          await clear(x, caps);
          expect([k, point, view(x)]).toEqual([k, point, original]);
        }
    },
    120_000,
  );
});

test("a re-evaluation failing at any write request keeps the user's checklist entries: Clear results (checklist kept) and evaluating again both show them", async () => {
  const probe = district(20);
  await evaluate(probe, API_118);
  probe.log = [];
  await evaluate(probe, API_118);
  const n = writes(probe);
  for (let k = 1; k <= n; k++)
    for (const point of ["start", "middle"] as const) {
      const x = district(20);
      await evaluate(x, API_118);
      typeEntries(x);
      const typed = entries(x);
      expect(typed).toHaveLength(3);
      x.failWrite({ write: k, at: point });
      await expect(evaluate(x, API_118)).rejects.toThrow();
      x.failWrite(undefined);
      const again = district(0);
      // Both ways out of the failure, on copies of the interrupted workbook.
      Object.assign(again, {
        sheets: x.sheets.map((s) =>
          Object.assign(Object.create(Object.getPrototypeOf(s)), s, {
            rows: new Map([...s.rows].map(([r, row]) => [r, new Map([...row].map(([c, cell]) => [c, { ...cell }]))])),
          }),
        ),
        tables: x.tables.map((t) => ({ ...t })),
        notes: new Map(x.notes),
      });
      for (const t of again.tables) t.sheet = again.sheets.find((s) => s.id === t.sheet.id)!;
      await clear(x, API_118, false);
      expect([k, point, entries(x)]).toEqual([k, point, typed]);
      await evaluate(again, API_118);
      expect([k, point, "again", entries(again)]).toEqual([k, point, "again", typed]);
      expect(again.sheets.map((s) => s.name)).toEqual([
        "Xã",
        "Thôn bản",
        "Điểm BĐVHX",
        STATE_SHEET,
        "Tổng hợp TC8",
        CHECKLIST_SHEET,
      ]);
    }
}, 120_000);

test("the requests that put the new sheets in place, failing at each of their changes: the user's entries and the workbook survive", async () => {
  const probe = district(20);
  await evaluate(probe, API_118);
  probe.log = [];
  await evaluate(probe, API_118);
  // The write requests showing the new sheets: around each, the old sheet set aside, the new one
  // renamed, the old one deleted. Evaluated again, only the summary is built anew: the checklist,
  // the user's document, is updated in place.
  const swaps = probe.log
    .filter((l) => l.write)
    .flatMap((l, i) => l.shown.map((at) => ({ k: i + 1, from: Math.max(0, at - 3), to: at + 6 })));
  expect(swaps).toHaveLength(1);
  const original = view(district(20));
  for (const { k, from, to } of swaps) {
    const first = district(20);
    await evaluate(first, API_118);
    first.failWrite({ write: k, at: 0 });
    await expect(evaluate(first, API_118)).rejects.toThrow();
    const changes = first.lastMutating;
    expect(changes).toBeGreaterThan(2);
    for (let i = from; i < Math.min(changes, to); i++) {
      const x = district(20);
      await evaluate(x, API_118);
      typeEntries(x);
      const typed = entries(x);
      x.failWrite({ write: k, at: i });
      await expect(evaluate(x, API_118)).rejects.toThrow();
      x.failWrite(undefined);
      await clear(x, API_118, false);
      expect([k, i, entries(x)]).toEqual([k, i, typed]);
      await clear(x, API_118, true);
      expect([k, i, view(x)]).toEqual([k, i, original]);
    }
  }
}, 120_000);

test("a re-evaluation that adds a commune's rows to the checklist, failing at any write request: evaluating again gives each entry once, the user's entries kept", async () => {
  const grow = (x: SimExcel) => {
    // A 21st commune typed under the others: its row copied from the first, under a new name.
    const xa = x.sheet("Xã");
    const first = xa.rows.get(3)!;
    for (const [c, cell] of first) xa.cell(23, c).v = c === 0 ? "Xã Số 21" : cell.v;
  };
  const probe = district(20);
  await evaluate(probe, API_118);
  grow(probe);
  probe.log = [];
  await evaluate(probe, API_118);
  const n = writes(probe);
  expect(n).toBeGreaterThan(3);
  const rowsOf = (x: SimExcel, commune: string) =>
    [...x.sheet(CHECKLIST_SHEET).rows.values()].filter((row) => row.get(0)?.v === commune).length;
  for (let k = 1; k <= n; k++)
    for (const point of ["start", "middle"] as const) {
      const x = district(20);
      await evaluate(x, API_118);
      typeEntries(x);
      const typed = entries(x);
      grow(x);
      x.failWrite({ write: k, at: point });
      await expect(evaluate(x, API_118)).rejects.toThrow();
      x.failWrite(undefined);
      await evaluate(x, API_118);
      expect([k, point, entries(x)]).toEqual([k, point, typed]);
      expect([k, point, rowsOf(x, "Xã Số 21"), rowsOf(x, "Xã Số 1")]).toEqual([k, point, 23, 23]);
      const t = x.tables.find((tb) => tb.name === "TC8_MinhChung")!;
      expect([k, point, t.range.r1]).toEqual([k, point, 21 * 23]);
    }
}, 120_000);
