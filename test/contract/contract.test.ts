/**
 * One contract for both hosts (issue 9): the same scenarios, edits made between evaluations as a
 * user makes them, run against the .xlsx host (LibreOffice edits the file) and the Office.js host
 * (Excel's own client and the simulated Excel). What the user made is never lost or changed; TC8
 * finds what it wrote wherever the edits moved it; Clear results gives back the workbook the user
 * would have without TC8.
 */
import { colLetter, parseRange } from "../../src/core/workbook/grid";
import { describeWith, SOFFICE } from "../helpers/tools";
import type { Edit } from "../helpers/edits";
import { at, COMMUNES, district, HEADER_FILL, HEADER_ROW, USER_COL, USER_HEADER, USER_NOTE } from "./book";
import { type BookView, cellsWith, type HostUnderTest, officeHost, sheetCells, xlsxHost } from "./hosts";

jest.setTimeout(180_000);

const USER_SHEETS = [COMMUNES, "Thôn bản", "Điểm BĐVHX"];
const FAIL_FILL = "FFC7CE";

/** An address moved by rows and columns inserted above and left of it. */
const moved = (addr: string, rows: number, cols: number) => {
  const r = parseRange(addr);
  return `${colLetter(r.c0 + cols)}${r.r0 + rows + 1}`;
};

/** The user's sheets of a view: what Clear results must give back. */
const userPart = (v: BookView, sheets = USER_SHEETS) => Object.fromEntries(sheets.map((s) => [s, sheetCells(v, s)]));

function contract(makeHost: () => HostUnderTest): void {
  let host: HostUnderTest;
  beforeAll(() => {
    host = makeHost();
  });
  afterAll(() => host.close());

  /** The workbook evaluated, edited, evaluated again; beside it the same edits on the workbook never evaluated. */
  async function editedBetween(edits: Edit[], spec = district()) {
    const book = await host.open(spec);
    const reference = await host.open(spec);
    await book.evaluate();
    await book.edit(...edits);
    await reference.edit(...edits);
    const outcome = await book.evaluate();
    return { book, reference, outcome, view: await book.view() };
  }

  test("a column inserted at A and two rows at the top: TC8's columns, marks and notes are found where they moved; the user's last column and fills stay; Clear results gives the workbook back", async () => {
    const { book, reference, outcome, view } = await editedBetween([
      { op: "insertCols", sheet: COMMUNES, at: 0, count: 1 },
      { op: "insertRows", sheet: COMMUNES, at: 0, count: 2 },
    ]);
    const m = (a: string) => moved(a, 2, 1);
    const xa = sheetCells(view, COMMUNES);
    const header = `${colLetter(USER_COL)}${HEADER_ROW + 1}`;
    expect(xa[m(header)]).toMatchObject({ v: USER_HEADER, note: "Cột của xã, không phải của TC8" });
    expect(xa[m(at(0, "user"))]).toMatchObject({ v: "Ghi chú Xã Tân Thành" });
    expect(xa[m(at(3, "user"))]).toMatchObject({ v: "Ghi chú Xã Hoa Thám" });
    // TC8's columns once, right of the user's last column.
    expect(cellsWith(view, "TC8 NTM")).toEqual([`${COMMUNES}!${colLetter(USER_COL + 1 + 1 + 4)}${HEADER_ROW + 3}`]);
    // The headers keep the user's fill; the marked cell shows TC8's red and keeps the user's note.
    expect(xa[m(at(0, "commune").replace(/\d+$/, String(HEADER_ROW + 1)))]).toMatchObject({ fill: HEADER_FILL });
    expect(xa[m(at(1, "officials_with_computer"))]).toMatchObject({ v: 4, fill: FAIL_FILL, note: USER_NOTE });
    expect(xa[m(at(0, "commune"))]).toMatchObject({ note: "Xã mới sáp nhập" });
    expect(outcome.problems.filter((p) => /không ghi đè/.test(p))).toEqual([]);
    await book.clear();
    expect(userPart(await book.view())).toEqual(userPart(await reference.view()));
  });
}

describe("Office.js host (Excel's own client, simulated Excel)", () => contract(() => officeHost()));
describeWith(SOFFICE, "apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno", ".xlsx host (edits made by LibreOffice)", () => contract(() => xlsxHost()));
