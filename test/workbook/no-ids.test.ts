/**
 * No machine id in front of a reader (issue 11): condition ids ("8.4.nc.dd.dia_chi_so"), the
 * prerequisite's ("tc8.ntm") and message keys stay in the results JSON and TC8's very hidden state;
 * every visible cell, note and printed line names conditions as the guidance numbers them. Over the
 * annotated sample (examples/, as committed and as made now) and the acceptance workbooks.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/tc8";
import { VI } from "../../src/core/i18n/messages.vi";
import { allConditions, getRuleSet } from "../../src/core/ruleset";
import { evaluateXlsx } from "../../src/hosts/xlsx";
import { loadWorkbook } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "../..");
const ACCEPTANCE = path.join(ROOT, "test/fixtures/acceptance");
const INPUTS = [
  path.join(ROOT, "examples/huyen-binh-gia.xlsx"),
  ...fs
    .readdirSync(ACCEPTANCE)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(ACCEPTANCE, f)),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const IDS = [
  ...allConditions(getRuleSet()).map((c) => c.condition.id),
  "tc8.ntm",
  "tc8.nc",
  ...Object.keys(VI).filter((k) => k.includes(".")),
];
/** Any of the ids, or anything shaped like a condition id (a new one included). */
export const MACHINE_ID = new RegExp(`(${IDS.map(escape).join("|")})|\\b8\\.[1-5]\\.(nc\\.)?[a-zđ]{1,2}\\.[a-z_]+`);

function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  const o = v as { richText?: { text: string }[]; texts?: { text: string }[]; result?: unknown; formula?: string };
  if (o.richText) return o.richText.map((t) => t.text).join("");
  if (o.texts) return o.texts.map((t) => t.text).join("");
  if ("result" in o) return textOf(o.result);
  return "";
}

/** Every visible cell's value and note, by address, with the id found in it. */
function idsIn(wb: ExcelJS.Workbook): string[] {
  const hits: string[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== "visible") return;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        for (const [what, text] of [
          ["value", textOf(cell.value)],
          ["note", textOf(cell.note)],
        ] as const) {
          const m = MACHINE_ID.exec(text);
          if (m) hits.push(`'${ws.name}'!${cell.address} ${what}: ${m[0]} in "${text.slice(0, 120)}"`);
        }
      }),
    );
  });
  return hits;
}

describe("no condition id in any visible cell or note", () => {
  test("the committed annotated sample (examples/huyen-binh-gia.tc8.xlsx)", async () => {
    const wb = await loadWorkbook(fs.readFileSync(path.join(ROOT, "examples/huyen-binh-gia.tc8.xlsx")));
    expect(idsIn(wb)).toEqual([]);
    // The ids are where they belong: the very hidden state and the results JSON.
    expect(wb.worksheets.some((ws) => ws.state === "veryHidden")).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, "examples/huyen-binh-gia.results.json"), "utf8")).toContain(
      '"id": "8.4.nc.dd.dia_chi_so"',
    );
  });

  test.each(INPUTS.flatMap((f) => (["vi", "en"] as const).map((lang) => [path.basename(f), lang, f] as const)))(
    "%s evaluated now (%s)",
    async (_name, lang, file) => {
      const r = await evaluateXlsx(fs.readFileSync(file), { lang });
      const wb = await loadWorkbook(r.output!);
      expect(idsIn(wb)).toEqual([]);
      // The annotated workbook does explain: the guidance's numbering is there instead.
      const explained: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) => row.eachCell((cell) => explained.push(textOf(cell.value), textOf(cell.note)))),
      );
      expect(explained.some((t) => /^8\.[1-5] (NTM|NTM nâng cao|Advanced NTM), (điểm|point) [a-zđ] – /m.test(t))).toBe(
        true,
      );
    },
  );
});

describe("no condition id in the command line's printed lines", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-noids-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(INPUTS.flatMap((f) => (["vi", "en"] as const).map((lang) => [path.basename(f), lang, f] as const)))(
    "%s (%s)",
    async (name, lang, file) => {
      const lines: string[] = [];
      const json = path.join(dir, `${name}.${lang}.json`);
      const code = await main(
        ["evaluate", file, "-o", path.join(dir, `${name}.${lang}.xlsx`), "--json", json, "--lang", lang],
        { out: (s) => lines.push(s), err: (s) => lines.push(s) },
      );
      expect(code).toBe(0);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.filter((l) => MACHINE_ID.test(l))).toEqual([]);
      // The results JSON keeps the ids.
      expect(fs.readFileSync(json, "utf8")).toMatch(/"id": "8\.1\.a\.mat_bang"/);
    },
  );
});
