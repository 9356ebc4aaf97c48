/**
 * A workbook annotated before anchors (the sample's output as the previous TC8 made it, kept in
 * test/fixtures/legacy: a state with addresses, no names, no fingerprints) evaluated again and
 * cleared: TC8 finds its own sheets by its state, its columns by their headers; nothing appears twice; its checklist is kept
 * as it is; Clear results gives back the input's cells.
 */
import fs from "node:fs";
import path from "node:path";
import { clearXlsx, evaluateXlsx } from "../../src/hosts/xlsx";
import { Package } from "../../src/hosts/xlsx/package";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { parseState } from "../../src/core/state/state";
import { xlsxView } from "../contract/hosts";

jest.setTimeout(60_000);

const INPUT = path.join(__dirname, "../../examples/huyen-binh-gia.xlsx");
const OLD = path.join(__dirname, "../fixtures/legacy/huyen-binh-gia.tc8-before-anchors.xlsx");

test("the sample annotated by the previous TC8, evaluated again: each column and sheet once, its checklist untouched; Clear results gives back the input's cells", async () => {
  const old = new Uint8Array(fs.readFileSync(OLD));
  expect(readWorkbookPackage(old).names.filter((n) => n.name.startsWith("_TC8_"))).toEqual([]);
  // At the time of the old evaluation, so that the checklist's page header keeps its time.
  const read = readWorkbookPackage(old);
  const then = parseState(read.grids.find((g) => g.sheet === "TC8_STATE"))!.evaluatedAt!;
  const r = await evaluateXlsx(old, { evaluatedAt: new Date(then) });
  const v = await xlsxView(r.output!);
  const count = (text: string) =>
    Object.values(v.cells)
      .flatMap((c) => Object.values(c))
      .filter((c) => c.v === text).length;
  expect(count("TC8 NTM")).toBe(1);
  expect(count("Giải thích TC8")).toBe(1);
  expect(v.sheets.map((s) => s.name)).toEqual(readWorkbookPackage(old).model.sheets.map((s) => s.name));
  // The checklist, the user's document, is left as it was, to the byte.
  const part = (bytes: Uint8Array) =>
    readWorkbookPackage(bytes).model.sheets.find((s) => s.name === "Minh chứng TC8")!.part!;
  expect(
    Buffer.from(new Package(r.output!).bytes(part(r.output!))).equals(Buffer.from(new Package(old).bytes(part(old)))),
  ).toBe(true);
  // Now anchored.
  expect(readWorkbookPackage(r.output!).names.filter((n) => n.name.startsWith("_TC8_")).length).toBeGreaterThan(3);
  const cleared = await xlsxView(await clearXlsx(r.output!, { removeChecklist: true }));
  const input = await xlsxView(new Uint8Array(fs.readFileSync(INPUT)));
  for (const s of input.sheets) expect([s.name, cleared.cells[s.name]]).toEqual([s.name, input.cells[s.name]]);
});
