/**
 * TC8's own state, kept in the workbook (docs/output.md) so that whoever opens the shared file can
 * re-evaluate or clear: the column mapping, the rule set, and what the last evaluation changed
 * (with each marked cell's own formatting, to restore it). Stored as JSON in a very hidden sheet.
 */
import type { LevelId, Lang } from "../ruleset/types";
import { filledRows, type Grid, valueAt } from "../shared/grid";
import type { MappingOverrides } from "../read/tables";

export const STATE_VERSION = 1;
/** Excel allows 32,767 characters in a cell; JSON is split in chunks below that. */
export const STATE_CHUNK = 30000;

/** A short fingerprint of a text (FNV-1a, 32 bits): enough to know a cell or a note still holds what TC8 wrote. */
export function fingerprint(text: string): string {
  return hex(fnv(0x811c9dc5, text));
}

/** The fingerprint of `a + b + c`, without making that text (a district has hundreds of thousands of them). */
export function fingerprint3(a: string, b: string, c: string): string {
  return hex(fnv(fnv(fnv(0x811c9dc5, a), b), c));
}

function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Two hex digits per byte, looked up: `toString(16)` and `padStart` showed in the profile (hundreds of thousands of fingerprints). */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex = (h: number) => HEX[(h >>> 24) & 255] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];

export interface OutputColumns {
  sheet: string;
  /** The header row TC8 wrote its headers into. */
  headerRow: number;
  /** First and last column TC8 owns. */
  c0: number;
  c1: number;
  /** The rows TC8 wrote values into (header to last data row). */
  r1: number;
  excelTable?: string;
  /** The Excel table's range before TC8 widened it (A1); read from states written before anchors, no longer written. */
  tableRangeBefore?: string;
}

export interface SavedMark {
  /** 'Sheet'!B5 */
  cell: string;
  kind: "fail" | "missing";
  /** The cell's own formatting and note before TC8 marked it, as the host saved them (opaque). */
  original?: unknown;
  /** The hidden defined name that follows the cell as rows and columns move (anchors.ts); absent in the state written before any change. */
  name?: string;
}

export interface SavedRow {
  sheet: string;
  row: number;
  /** The row's own height before TC8 made it taller, as the host saved it (opaque; absent: the default). */
  original?: unknown;
  /** The hidden defined name that follows the row (anchors.ts). */
  name?: string;
}

/** TC8's own sheets, by their names when last written; found again through their anchors wherever the user renamed them. */
export interface OwnSheetNames {
  state?: string;
  summary?: string;
  checklist?: string;
}

export interface Tc8State {
  version: number;
  ruleset: string;
  evaluatedAt?: string;
  lang?: Lang;
  levels?: LevelId[];
  mapping: MappingOverrides;
  verdictColumns?: OutputColumns;
  noteColumns: OutputColumns[];
  sheets: string[];
  marks: SavedMark[];
  /** Rows of the user's sheets TC8 made taller for its wrapped text. */
  rows?: SavedRow[];
  own?: OwnSheetNames;
  /** The header cell of each of TC8's columns ('Sheet'!B5), with its anchor's name: a column whose header the user typed over is still found. */
  columns?: { cell: string; header: string; name?: string }[];
  /**
   * Fingerprints of the values TC8 wrote into its columns, by header: a cell of TC8's column is
   * cleared or written over only while it holds one of them (a value the user typed there is theirs).
   */
  written?: Record<string, string[]>;
  /**
   * Fingerprints of each value TC8 wrote with its row's key (the commune, village or point it
   * belongs to) and header, and of the keys of the rows it wrote into: a verdict the user corrected
   * is theirs even where TC8 wrote the same word for another commune.
   */
  writtenCells?: string[];
  writtenRows?: string[];
}

export function emptyState(ruleset: string): Tc8State {
  return { version: STATE_VERSION, ruleset, mapping: {}, noteColumns: [], sheets: [], marks: [] };
}

export function serializeState(s: Tc8State): string[] {
  const json = JSON.stringify(s);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  return chunks.length ? chunks : ["{}"];
}

/** The state from the state sheet's column A, or undefined when there is none or it cannot be read. */
export function parseState(g: Grid | undefined): Tc8State | undefined {
  if (!g) return undefined;
  const json = filledRows(g)
    .map((r) => valueAt(g, r, 0))
    .map((v) => (typeof v === "string" ? v : ""))
    .join("");
  if (!json) return undefined;
  try {
    const s = JSON.parse(json) as Partial<Tc8State>;
    if (typeof s !== "object" || !s || s.version !== STATE_VERSION) return undefined;
    return { mapping: {}, noteColumns: [], sheets: [], marks: [], ruleset: "langson-2022", ...s } as Tc8State;
  } catch {
    return undefined;
  }
}
