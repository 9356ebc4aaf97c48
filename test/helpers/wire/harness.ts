/** The wire harness: a request context of Microsoft's Excel client answered by a simulated workbook, and what crossed the wire. */
import { detectCapabilities, type Capabilities } from "../../../src/hosts/office/capabilities";
import { excelClient } from "./client";
import type { RequestLog, SimExcel } from "./sim";

export { SimExcel } from "./sim";

/** A context whose every `sync()` goes to `x`. */
export function wireContext(x: SimExcel): Excel.RequestContext {
  return excelClient().context((req) => x.handle(req));
}

const upTo = (minor: number): Capabilities =>
  detectCapabilities((name, v) => name === "ExcelApi" && Number(v.split(".")[1]) <= minor);
/** ExcelApi 1.18 and later (notes). */
export const API_118 = upTo(18);
/** ExcelApi 1.9 to 1.12: getRanges and getCellProperties, no merged-area reading, no notes. */
export const API_19 = upTo(9);
/** ExcelApi 1.7, the minimum: cell by cell. */
export const API_17 = upTo(7);

export interface WireSummary {
  requests: number;
  reads: number;
  writes: number;
  /** The largest request and response, in UTF-8 bytes. */
  maxRequest: number;
  maxResponse: number;
  actions: number;
  bytes: number;
  errors: string[];
}

export function summarize(log: readonly RequestLog[]): WireSummary {
  return {
    requests: log.length,
    reads: log.filter((l) => !l.write).length,
    writes: log.filter((l) => l.write).length,
    maxRequest: Math.max(0, ...log.map((l) => l.bytes)),
    maxResponse: Math.max(0, ...log.map((l) => l.responseBytes)),
    actions: log.reduce((n, l) => n + l.actions, 0),
    bytes: log.reduce((n, l) => n + l.bytes + l.responseBytes, 0),
    errors: log.filter((l) => l.error).map((l) => `request ${l.index}: ${l.error}`),
  };
}
