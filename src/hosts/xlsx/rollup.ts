/**
 * The roll-up on .xlsx packages (docs/output.md §12), for the command line and the browser page:
 * each file read and evaluated in turn (its grids let go before the next), then the roll-up's
 * sheets written into a new workbook by the route `tc8 template` takes. Input bytes are only read.
 */
import { render } from "../../core/i18n";
import {
  evaluateForRollup,
  gatherRollup,
  type Rollup,
  type RollupFile,
  type RollupSource,
  rollupSheets,
  ROLLUP_SHEETS,
  ROLLUP_TEXT,
} from "../../core/rollup";
import type { Lang, LevelId, RuleSet } from "../../core/ruleset/types";
import type { NewSheet } from "../../core/plan";
import { describeXlsxError, XlsxError } from "./errors";
import { newWorkbookXlsx } from "./index";
import { readWorkbookPackage } from "./read";

export interface RollupInput extends RollupSource {
  /** The file's bytes, or why they could not be had (a file gone, no permission), in the user's language. */
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

export interface RollupOptions {
  levels: readonly LevelId[];
  lang: Lang;
  ruleset: RuleSet;
  at?: Date;
  /** After each file: its number (from 1), the file as listed. */
  onFile?: (index: number, file: RollupFile) => void | Promise<void>;
}

/** One file's outcome: evaluated, unreadable (with the reason the command line gives) or with no commune. */
export async function rollupOne(
  input: RollupInput,
  levels: readonly LevelId[],
  lang: Lang,
  ruleset: RuleSet,
): Promise<RollupFile> {
  const { bytes, ...source } = input;
  try {
    const read = readWorkbookPackage(await bytes());
    // A roll-up read back (a folder rolled up twice) holds communes already counted.
    if (Object.values(ROLLUP_SHEETS).every((n) => read.grids.some((g) => g.sheet === n)))
      return { ...source, outcome: { kind: "noCommunes", reason: ROLLUP_TEXT[lang].isRollup } };
    const r = evaluateForRollup({ grids: read.grids, names: read.names }, levels, ruleset);
    if (r.fatal) return { ...source, outcome: { kind: "noCommunes", reason: render(r.fatal, lang) } };
    return {
      ...source,
      outcome: {
        kind: "evaluated",
        evaluation: r.evaluation,
        ...(r.recordedRuleset ? { recordedRuleset: r.recordedRuleset } : {}),
      },
    };
  } catch (e) {
    if (e instanceof XlsxError)
      return { ...source, outcome: { kind: "unreadable", reason: describeXlsxError(e, lang) } };
    if (e instanceof RollupReadError) return { ...source, outcome: { kind: "unreadable", reason: e.message } };
    if (typeof process !== "undefined" && process.env?.TC8_DEBUG) console.error(e);
    return { ...source, outcome: { kind: "unreadable", reason: ROLLUP_TEXT[lang].internal } };
  }
}

/** Thrown by an input's `bytes` for a file that cannot be had: its message is the reason listed. */
export class RollupReadError extends Error {}

/** Every file read and evaluated in turn, then gathered. */
export async function gatherXlsx(inputs: readonly RollupInput[], opts: RollupOptions): Promise<Rollup> {
  const files: RollupFile[] = [];
  for (const [i, input] of inputs.entries()) {
    const f = await rollupOne(input, opts.levels, opts.lang, opts.ruleset);
    files.push(f);
    await opts.onFile?.(i + 1, f);
  }
  return gatherRollup(files, opts.levels, { id: opts.ruleset.id, version: opts.ruleset.version });
}

/** The roll-up workbook: the four sheets in a new package. */
export async function rollupWorkbook(
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
): Promise<{ bytes: Uint8Array; sheets: NewSheet[] }> {
  const sheets = rollupSheets(r, rs, lang, at);
  return { bytes: await newWorkbookXlsx(sheets), sheets };
}

/** What became of a file: "1 xã, 2 vấn đề về dữ liệu", or why it was not rolled up. */
export function outcomeText(f: RollupFile, lang: Lang): string {
  const R = ROLLUP_TEXT[lang];
  const o = f.outcome;
  // A file whose TC8 state names another rule set is evaluated with the roll-up's: said on its line.
  return o.kind === "evaluated"
    ? R.progressCommunes(o.evaluation.communes.length, o.evaluation.problems.length) +
        (o.recordedRuleset && o.recordedRuleset !== o.evaluation.ruleset.id
          ? ` (${R.recorded(o.recordedRuleset)})`
          : "")
    : o.kind === "unreadable"
      ? R.unreadable(o.reason)
      : R.noCommunes(o.reason);
}

/** A one-line progress text for a file: "[3/12] xa-a.xlsx: 1 xã" or its reason. */
export function progressLine(index: number, total: number, f: RollupFile, lang: Lang): string {
  return ROLLUP_TEXT[lang].progress(index, total, f.name, outcomeText(f, lang));
}
