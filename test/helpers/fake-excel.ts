/**
 * An in-memory Excel for host tests. Ranges and their formats are office-addin-mock objects, so a
 * property read before load and sync gives the mock's "not loaded" error as in Excel; the
 * collections Office.js loads as `items/...` (which the mock cannot model) are small objects with
 * the same rule. Every write lands in the model, which tests read; every `context.sync` is counted,
 * with the estimated size of what it sent.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, colLetter, parseCellAddress, parseRange, quoteSheet, type RangeRef } from "../../src/core/shared/grid";

export interface FakeCell {
  value: string | number | boolean | null;
  error?: string;
  /** A formula ("=B2*2"), whose value is `value`. */
  formula?: string;
  numberFormat: string;
  fill: string | null;
  font: string | null;
  bold?: boolean;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: RangeRef[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  frozenRows = 0;
  printTitles?: string;
  /** The printed page header's right part (the checklist's evaluation time). */
  rightHeader = "";
  charts: { type: string; source: string; title?: string }[] = [];
  /** Row spans whose height was fitted (autofitRows). */
  autofitted: { r0: number; r1: number }[] = [];
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, numberFormat: "General", fill: null, font: null };
      this.cells.set(k, c);
    }
    return c;
  }
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  /** A1-addressed value, for tests. */
  get(address: string): FakeCell["value"] {
    const r = parseRange(address);
    return this.peek(r.r0, r.c0)?.value ?? null;
  }
  set(address: string, rows: FakeCell["value"][][]): this {
    const r = parseRange(address);
    rows.forEach((row, i) => row.forEach((v, j) => (this.cell(r.r0 + i, r.c0 + j).value = v)));
    return this;
  }
  used(): RangeRef | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if ((c.value === null || c.value === "") && !c.error) continue;
      const [r, col] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
  /** Every cell's value and format, for before/after comparisons. */
  snapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const [k, c] of this.cells)
      if (c.value !== null || c.fill || c.font || c.numberFormat !== "General") out[k] = { ...c };
    return out;
  }
}

export interface FakeTable {
  name: string;
  sheet: string;
  range: RangeRef;
  showHeaders: boolean;
  style?: string;
}

export interface FakeName {
  name: string;
  /** The reference, as Excel shows it ("='Xã'!$E$5"). */
  formula: string;
  visible: boolean;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  notes = new Map<string, string>();
  names: FakeName[] = [];
  protected = false;
  /** Estimated bytes sent by each context.sync. */
  requests: number[] = [];
  suspended = 0;

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }
  add(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
}

const noteKey = (address: string) => {
  const { sheet, row, col } = parseCellAddress(address);
  return `${sheet}|${row}|${col}`;
};

/** Makes `prop` of a mock object write to the model when the code under test assigns it. */
function writable(obj: OfficeMockObject, prop: string, write: (v: unknown) => void): void {
  const mock = obj as unknown as Record<string, unknown> & { _properties: Map<string, { _value: unknown }> };
  let slot = mock[prop];
  Object.defineProperty(mock, prop, {
    get: () => slot,
    set: (v) => {
      // The mock's own sync copies a loaded value in: not a write.
      if (v === mock._properties.get(prop)?._value) {
        slot = v;
        return;
      }
      slot = v;
      write(v);
    },
  });
}

export function fakeContext(book: FakeBook) {
  const dynamic: OfficeMockObject[] = [];
  const collections: { sync(): void }[] = [];
  let pendingBytes = 0;
  const track = <T extends OfficeMockObject>(m: T) => (dynamic.push(m), m);
  const sent = (n: number) => (pendingBytes += n);

  const refsOf = new WeakMap<object, { sheet: FakeSheet; refs: RangeRef[] }>();
  const areaAddress = (sheet: FakeSheet, refs: RangeRef[]) =>
    refs.map((x) => `${quoteSheet(sheet.name)}!${a1(x.r0, x.c0)}:${a1(x.r1, x.c1)}`).join(", ");

  /** A range (one area) or the areas of `getRanges` (several), as office-addin-mock objects. */
  function rangeMock(sheet: FakeSheet, refs: RangeRef | RangeRef[], opts: { isNull?: boolean } = {}): OfficeMockObject {
    const all = Array.isArray(refs) ? refs : [refs];
    const ref = all[0];
    const rows = ref.r1 - ref.r0 + 1;
    const cols = ref.c1 - ref.c0 + 1;
    const grid = <T>(f: (c: FakeCell | undefined, r: number, col: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => f(sheet.peek(ref.r0 + i, ref.c0 + j), ref.r0 + i, ref.c0 + j)),
      );
    const first = sheet.peek(ref.r0, ref.c0);
    const each = (f: (c: FakeCell) => void) => {
      for (const x of all) for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) f(sheet.cell(r, c));
    };
    const inRefs = (m: RangeRef) => all.some((x) => m.r0 <= x.r1 && x.r0 <= m.r1 && m.c0 <= x.c1 && x.c0 <= m.c1);
    const areasMock = (found: RangeRef[]) => {
      const m = track(new OfficeMockObject({ address: areaAddress(sheet, found.length ? found : [ref]) }));
      Object.defineProperty(m, "isNullObject", { value: found.length === 0 });
      return m;
    };
    const m = track(
      new OfficeMockObject({
        address: areaAddress(sheet, all),
        values: grid((c) => (c?.error ? c.error : (c?.value ?? ""))),
        valueTypes: grid((c) =>
          c?.error
            ? "Error"
            : c?.value === null || c?.value === undefined
              ? "Empty"
              : typeof c.value === "number"
                ? "Double"
                : typeof c.value === "boolean"
                  ? "Boolean"
                  : "String",
        ),
        numberFormat: grid((c) => c?.numberFormat ?? "General"),
        formulas: grid((c) => c?.formula ?? (c?.error ? c.error : (c?.value ?? ""))),
        format: {
          fill: {
            color: first?.fill ?? "#FFFFFF",
            pattern: first?.fill ? "Solid" : "None",
            clear: () => (sent(30), each((c) => (c.fill = null))),
          },
          font: { color: first?.font ?? "#000000", name: "Calibri", bold: false, italic: false, size: 11 },
          wrapText: false,
          verticalAlignment: "Bottom",
          horizontalAlignment: "General",
          columnWidth: 64,
          rowHeight: 15,
          borders: { getItem: () => ({ style: "None", color: "#000000" }) },
          autofitRows: () => all.forEach((x) => sheet.autofitted.push({ r0: x.r0, r1: x.r1 })),
        },
        dataValidation: { rule: {}, prompt: {} },
        getMergedAreasOrNullObject: () => {
          const found = sheet.merges.filter(inRefs);
          if (found.length > 512) throw new Error("GeneralException: too many merged areas");
          return areasMock(found);
        },
        getSpecialCellsOrNullObject: (type: string) => {
          const found: RangeRef[] = [];
          for (const x of all)
            for (let r = x.r0; r <= x.r1; r++)
              for (let c = x.c0; c <= x.c1; c++)
                if (type === "Formulas" && sheet.peek(r, c)?.formula) found.push({ r0: r, c0: c, r1: r, c1: c });
          return areasMock(found);
        },
        getCellProperties: () => {
          sent(200);
          const value = grid((c) => ({
            format: {
              fill: { color: c?.fill ?? "#FFFFFF", pattern: c?.fill ? "Solid" : "None" },
              font: { color: c?.font ?? "#000000" },
            },
          }));
          return { value };
        },
        clear: (what?: string) => {
          sent(100);
          each((c) => {
            if (what !== "Formats") {
              c.value = null;
              delete c.formula;
            }
            if (what !== "Contents") Object.assign(c, { fill: null, font: null, numberFormat: "General", bold: false });
          });
        },
        merge: () => (sent(50), sheet.merges.push(ref)),
        unmerge: () => (sent(30), (sheet.merges = sheet.merges.filter((x) => !inRefs(x)))),
        select: () => undefined,
      }),
    );
    // isNullObject is known after any sync, loaded or not.
    Object.defineProperty(m, "isNullObject", { value: !!opts.isNull });
    refsOf.set(m, { sheet, refs: all });
    const obj = m as unknown as Record<string, OfficeMockObject & Record<string, OfficeMockObject>>;
    writable(m, "values", (v) => {
      sent(JSON.stringify(v).length);
      (v as unknown[][]).forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null) return;
          const c = sheet.cell(ref.r0 + i, ref.c0 + j);
          // Excel turns text that looks like a formula into one unless the cell is formatted as text.
          if (typeof x === "string" && /^[=+\-@]/.test(x) && c.numberFormat !== "@")
            throw new Error(`text ${x} would become a formula`);
          c.value = x === "" ? null : (x as FakeCell["value"]);
          delete c.error;
          delete c.formula;
        }),
      );
    });
    writable(m, "numberFormat", (v) => {
      sent(JSON.stringify(v).length);
      (v as (string | null)[][]).forEach((row, i) =>
        row.forEach((x, j) => x !== null && (sheet.cell(ref.r0 + i, ref.c0 + j).numberFormat = x)),
      );
    });
    writable(obj.format.fill, "color", (v) => (sent(30), each((c) => (c.fill = String(v).toUpperCase()))));
    // Excel's automatic font colour reads as black; black written back is the automatic colour again.
    writable(
      obj.format.font,
      "color",
      (v) => (sent(30), each((c) => (c.font = String(v).toUpperCase() === "#000000" ? null : String(v).toUpperCase()))),
    );
    writable(obj.format.font, "bold", (v) => each((c) => (c.bold = !!v)));
    writable(obj.dataValidation as unknown as OfficeMockObject, "rule", () => sent(100));
    return m;
  }

  /** A collection loaded as items/…: its items appear at the next sync. */
  function collection<T>(items: () => T[]) {
    let state: "none" | "pending" | "loaded" = "none";
    let snapshot: T[] = [];
    const c = {
      load: () => ((state = "pending"), c),
      get items(): T[] {
        if (state !== "loaded") throw new Error("PropertyNotLoaded: items");
        return snapshot;
      },
      sync() {
        if (state === "pending") {
          state = "loaded";
          snapshot = items();
        }
      },
    };
    collections.push(c);
    return c;
  }

  function worksheetApi(name: string) {
    let sheetName = name;
    const s = () => book.sheet(sheetName);
    return {
      get name() {
        return s().name;
      },
      set name(v: string) {
        const sheet = s();
        if (book.sheets.some((x) => x !== sheet && x.name === v)) throw new Error(`ItemAlreadyExists: ${v}`);
        for (const [k, note] of [...book.notes])
          if (k.startsWith(`${sheet.name}|`)) {
            book.notes.delete(k);
            book.notes.set(`${v}|${k.slice(sheet.name.length + 1)}`, note);
          }
        for (const t of book.tables) if (t.sheet === sheet.name) t.sheet = v;
        sheet.name = v;
        sheetName = v;
      },
      get visibility() {
        return s().visibility;
      },
      set visibility(v: FakeSheet["visibility"]) {
        s().visibility = v;
      },
      get position() {
        return book.sheets.indexOf(s());
      },
      set position(p: number) {
        const sheet = s();
        book.sheets = book.sheets.filter((x) => x !== sheet);
        book.sheets.splice(p, 0, sheet);
      },
      protection: {
        get protected() {
          return s().protected;
        },
      },
      getUsedRangeOrNullObject: () => {
        const u = s().used();
        return rangeMock(s(), u ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, { isNull: !u });
      },
      getRange: (address: string) => {
        const [x, y] = address.split(":");
        // Whole columns ("A:A") reach the sheet's last used row; whole rows ("5:9") its last used column.
        const wholeCols = /^[A-Z]+$/.test(x);
        const wholeRows = /^\d+$/.test(x);
        const ref = wholeCols
          ? { r0: 0, c0: parseRange(`${x}1`).c0, r1: Math.max(0, s().used()?.r1 ?? 0), c1: parseRange(`${y}1`).c0 }
          : wholeRows
            ? { r0: Number(x) - 1, c0: 0, r1: Number(y) - 1, c1: Math.max(0, s().used()?.c1 ?? 0) }
            : parseRange(address);
        return rangeMock(s(), ref);
      },
      getRanges: (address: string) =>
        rangeMock(
          s(),
          address.split(",").map((a) => parseRange(a)),
        ),
      delete: () => {
        sent(50);
        if (s().protected) throw new Error("AccessDenied: sheet protected");
        book.sheets = book.sheets.filter((x) => x.name !== sheetName);
        book.tables = book.tables.filter((t) => t.sheet !== sheetName);
      },
      activate: () => undefined,
      freezePanes: { freezeRows: (n: number) => (s().frozenRows = n) },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: {},
        setPrintTitleRows: (rows: string) => (s().printTitles = rows),
        setPrintArea: () => undefined,
        headersFooters: {
          defaultForAllPages: {
            leftHeader: "",
            centerHeader: "",
            // Kept on the sheet: evaluating again reads it back (its time changes only while it is TC8's).
            get rightHeader() {
              return s().rightHeader;
            },
            set rightHeader(v: string) {
              s().rightHeader = v;
            },
            leftFooter: "",
            centerFooter: "",
            rightFooter: "",
            load: () => undefined,
          },
        },
      },
      charts: {
        add: (type: string, source: OfficeMockObject) => {
          const src = refsOf.get(source)!;
          const chart = {
            type,
            source: areaAddress(src.sheet, src.refs),
            title: { text: "" },
            setPosition: () => undefined,
          };
          s().charts.push(chart as never);
          return chart;
        },
      },
      tables: {
        add: (where: string | OfficeMockObject) => {
          // A range object is on its own sheet; an address alone lands on the active sheet (the first here).
          const src = typeof where === "string" ? undefined : refsOf.get(where)!;
          const sheet = src ? src.sheet.name : book.sheets[0].name;
          const t: FakeTable = {
            name: `Table${book.tables.length + 1}`,
            sheet,
            range: src ? src.refs[0] : parseRange(String(where).replace(/^.*!/, "")),
            showHeaders: true,
          };
          book.tables.push(t);
          return t;
        },
      },
    };
  }

  const context = new OfficeMockObject({
    workbook: {
      protection: { protected: book.protected },
      notes: {
        add: (address: string, content: string) => {
          sent(content.length * 2);
          book.notes.set(noteKey(address), content);
        },
        getItem: (address: string) => ({
          delete: () => {
            if (!book.notes.delete(noteKey(address))) throw new Error(`ItemNotFound: note ${address}`);
          },
        }),
        getItemOrNullObject: (address: string) => {
          const key = noteKey(address);
          const content = book.notes.get(key);
          const note = track(new OfficeMockObject({ content: content ?? "", delete: () => book.notes.delete(key) }));
          Object.defineProperty(note, "isNullObject", { value: content === undefined });
          return note;
        },
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => book.suspended++ },
  }) as unknown as Excel.RequestContext & OfficeMockObject;

  const wb = context.workbook as unknown as Record<string, unknown>;
  wb.names = Object.assign(
    collection(() => book.names.map((n) => ({ ...n }))),
    {
      add: (name: string, reference: string) => {
        sent(name.length + reference.length + 40);
        if (book.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`InvalidArgument: the name ${name} exists`);
        const n: FakeName = { name, formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true };
        book.names.push(n);
        return n;
      },
      getItem: (name: string) => ({
        delete: () => {
          sent(name.length + 20);
          const before = book.names.length;
          book.names = book.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
          if (book.names.length === before) throw new Error(`ItemNotFound: name ${name}`);
        },
      }),
    },
  );
  wb.worksheets = Object.assign(
    collection(() => book.sheets.map((x) => worksheetApi(x.name))),
    {
      getItem: (name: string) => {
        book.sheet(name);
        return worksheetApi(name);
      },
      add: (name: string) => (sent(50), book.add(name), worksheetApi(name)),
    },
  );
  wb.tables = Object.assign(
    collection(() =>
      book.tables.map((t) => ({
        name: t.name,
        showHeaders: t.showHeaders,
        worksheet: { name: t.sheet },
        getRange: () => rangeMock(book.sheet(t.sheet), t.range),
      })),
    ),
    {
      getItem: (name: string) => {
        const t = () => {
          const x = book.tables.find((y) => y.name === name);
          if (!x) throw new Error(`ItemNotFound: table ${name}`);
          return x;
        };
        return {
          set name(v: string) {
            if (book.tables.some((y) => y.name === v)) throw new Error(`InvalidArgument: table name ${v} taken`);
            t().name = v;
          },
          getRange: () => rangeMock(book.sheet(t().sheet), t().range),
          resize: (r: OfficeMockObject) => {
            t().range = refsOf.get(r)!.refs[0];
          },
          columns: {
            add: (_i: unknown, _v: unknown, header: string) => {
              const x = t();
              x.range = { ...x.range, c1: x.range.c1 + 1 };
              book.sheet(x.sheet).cell(x.range.r0, x.range.c1).value = header;
            },
            getItem: (header: string) => ({
              delete: () => {
                const x = t();
                const ws = book.sheet(x.sheet);
                for (let c = x.range.c0; c <= x.range.c1; c++)
                  if (ws.peek(x.range.r0, c)?.value === header) {
                    for (let r = x.range.r0; r <= x.range.r1; r++) ws.cells.delete(`${r},${c}`);
                    x.range = { ...x.range, c1: x.range.c1 - 1 };
                    return;
                  }
                throw new Error(`ItemNotFound: column ${header}`);
              },
            }),
          },
        };
      },
    },
  );

  // One context.sync: the mock's own, then the dynamic objects and collections; the request's size is recorded.
  const rootSync = (context as unknown as OfficeMockObject).sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    await rootSync();
    // Objects created before this sync get their loaded values; later syncs need not visit them again.
    for (const m of dynamic.splice(0)) await m.sync();
    for (const c of collections) c.sync();
    book.requests.push(pendingBytes);
    pendingBytes = 0;
  };
  return context;
}

export const colOf = (n: number) => colLetter(n);

/** The cells whose value or format differ between two snapshots, for readable failures. */
export function diffSnapshots(a: Record<string, FakeCell>, b: Record<string, FakeCell>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const norm = (c?: FakeCell) =>
    JSON.stringify(
      c ? { value: c.value ?? null, numberFormat: c.numberFormat, fill: c.fill, font: c.font, bold: !!c.bold } : null,
    );
  return [...keys].filter((k) => norm(a[k]) !== norm(b[k])).map((k) => `${k}: ${norm(a[k])} -> ${norm(b[k])}`);
}
