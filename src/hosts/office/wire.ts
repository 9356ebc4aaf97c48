/**
 * What crosses the wire to Excel: every `context.sync()` counted, one worksheet object per sheet
 * and request, and requests filled by an estimate of the UTF-8 bytes Office.js really sends.
 * Excel on the web refuses a request or a response over 5 MB; TC8 keeps both under 4,000,000
 * bytes (docs/performance.md has the figures measured with Excel's own client library).
 */

/** No request and no response is larger, at any size of workbook. */
export const MAX_REQUEST_BYTES = 4_000_000;
/**
 * What a request is filled to, by estimate. The estimate is an upper bound of what Office.js
 * serialises (measured in test/wire), so the margin covers what it does not model.
 */
export const REQUEST_BUDGET = 3_500_000;
/** What a read is expected to return at most, by estimate; a read that returns more is split. */
export const RESPONSE_BUDGET = 2_600_000;

/**
 * One proxy in a request: its ObjectPath entry and its Instantiate action, with ids of up to seven
 * digits. Measured at 110–150 bytes; rounded up.
 */
export const PATH_BYTES = 180;
/** One property set or method call: the action, its name and the list of paths it refers to. Measured at 110–190. */
export const ACTION_BYTES = 230;
/** A request's own envelope, calculation suspended, and each sheet's worksheet object. */
const BATCH_OVERHEAD = 4_000;
const SHEET_BYTES = 3 * PATH_BYTES;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 bytes of a value as JSON, as it travels in a request or a response. */
export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v) ?? "");

/** An operation's estimated size: its proxies, its actions and the JSON of its data. */
export const opBytes = (paths: number, actions: number, data = 0): number =>
  paths * PATH_BYTES + actions * ACTION_BYTES + data;

/** A context's requests, counted, with worksheet objects shared within a request. */
export class Wire {
  requests = 0;
  /** Each request's estimated size, where a batcher filled it (undefined for reads), in order. */
  readonly estimates: (number | undefined)[] = [];
  private sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  async sync(estimate?: number): Promise<void> {
    this.estimates.push(estimate);
    try {
      await this.context.sync();
    } finally {
      this.requests++;
      this.sheets.clear();
    }
  }

  /** The worksheet object of `name` for this request (one per sheet, not one per cell). */
  sheet(name: string): Excel.Worksheet {
    const key = name.toLowerCase();
    let ws = this.sheets.get(key);
    if (!ws) this.sheets.set(key, (ws = this.context.workbook.worksheets.getItem(name)));
    return ws;
  }

  /** After a sheet is renamed, deleted or added, its name resolves afresh. */
  forget(...names: string[]): void {
    for (const n of names) this.sheets.delete(n.toLowerCase());
  }
}

/** Queues operations and sends them when the next would take the request past its budget. */
export class Batcher {
  private bytes = 0;
  private ops = 0;
  private sheetsUsed = new Set<string>();
  /** Requests sent by this batcher. */
  sent = 0;
  constructor(
    readonly wire: Wire,
    readonly budget: number = REQUEST_BUDGET,
  ) {}

  /** Queues `run`, estimated at `bytes`; `sheets` are the sheets it touches (each costs its worksheet object once per request). */
  async add(bytes: number, run: () => void, sheets: readonly string[] = []): Promise<void> {
    const extra = sheets.filter((s) => !this.sheetsUsed.has(s.toLowerCase())).length * SHEET_BYTES;
    if (this.ops > 0 && this.bytes + bytes + extra > this.budget) await this.flush();
    if (this.ops === 0) {
      this.wire.context.application.suspendApiCalculationUntilNextSync();
      this.bytes = BATCH_OVERHEAD;
    }
    for (const s of sheets) {
      if (this.sheetsUsed.has(s.toLowerCase())) continue;
      this.sheetsUsed.add(s.toLowerCase());
      this.bytes += SHEET_BYTES;
    }
    run();
    this.bytes += bytes;
    this.ops++;
  }

  async flush(): Promise<void> {
    if (this.ops === 0) return;
    const estimate = this.bytes;
    this.ops = 0;
    this.bytes = 0;
    this.sheetsUsed.clear();
    this.sent++;
    await this.wire.sync(estimate);
  }
}
