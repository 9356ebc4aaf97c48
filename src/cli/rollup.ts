/**
 * tc8 rollup <file|folder>… -o <summary.xlsx> [--json <results.json>] [--level] [--lang] [--ruleset] [--force]
 * (docs/cli.md §7): many communes' workbooks into one new roll-up workbook. Inputs are only read;
 * the outputs follow the file-safety rules of `evaluate` (src/cli/files.ts). Exit 0 when at least
 * one file was evaluated, 3 when none, 2 for usage and output errors.
 */
import fs from "node:fs";
import path from "node:path";
import { ROLLUP_SHEETS, toRollupJson } from "../core/rollup";
import { getRuleSet } from "../core/ruleset";
import type { Lang, LevelId, RuleSet } from "../core/ruleset/types";
import { gatherXlsx, progressLine, RollupReadError, type RollupInput, rollupWorkbook } from "../hosts/xlsx/rollup";
import { Package } from "../hosts/xlsx/package";
import { readModel } from "../hosts/xlsx/read";
import { resolveRuleSetArg } from "./ruleset";
import { commit, discard, FILE_TEXT, PathError, prepareOutputs, sameFile, terminalText } from "./files";

/** The extensions a folder is searched for: workbooks, and the spreadsheets TC8 names a reason for refusing. */
const FOLDER_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".ods"]);

export const ROLLUP_USAGE_TEXT = {
  output: "tc8 rollup: cần -o <tệp tổng hợp.xlsx> / needs -o <summary.xlsx>",
  outputExtension: (f: string) =>
    `tc8 rollup: tệp tổng hợp phải có đuôi .xlsx (${f}) / the summary's name must end in .xlsx`,
};

export const ROLLUP_CLI_TEXT = {
  vi: {
    done: (communes: number, files: number, refused: number) =>
      `Đã tổng hợp ${communes} xã từ ${files} tệp${refused ? `; ${refused} tệp không tổng hợp được (xem sheet Tệp)` : ""}`,
    none: (n: number) => `Không tổng hợp được tệp nào trong ${n} tệp: không ghi gì.`,
    noFiles: (where: string) => `Không tìm thấy tệp .xlsx hoặc .xlsm nào trong ${where}.`,
    noSuchFile: "không có tệp hoặc thư mục này",
    sameCommunes: (n: number) =>
      `${n} dòng là cùng một xã có trong nhiều tệp: các dòng đều được giữ (xem cột Ghi chú của sheet Tổng hợp).`,
  },
  en: {
    done: (communes: number, files: number, refused: number) =>
      `Rolled up ${communes} ${communes === 1 ? "commune" : "communes"} from ${files} ${files === 1 ? "file" : "files"}${refused ? `; ${refused} ${refused === 1 ? "file" : "files"} not rolled up (see sheet Tệp)` : ""}`,
    none: (n: number) => `None of the ${n} ${n === 1 ? "file" : "files"} could be rolled up: nothing written.`,
    noFiles: (where: string) => `No .xlsx or .xlsm file in ${where}.`,
    noSuchFile: "no such file or folder",
    sameCommunes: (n: number) =>
      `${n} rows are one commune found in several files: every row is kept (see the Note column of sheet Tổng hợp).`,
  },
};

export class RollupUsageError extends Error {}

/** A `--ruleset` value (a shipped id or a rule-set file) as a rule set, the same way as `evaluate`; the default without one. */
export function resolveRuleSet(arg: string | undefined, lang: Lang = "vi"): RuleSet {
  return arg === undefined ? getRuleSet() : resolveRuleSetArg(arg, lang).ruleset;
}

interface RollupArgs {
  inputs: string[];
  output: string;
  json?: string;
  levels: LevelId[];
  lang: Lang;
  ruleset: RuleSet;
  force: boolean;
}

export function parseRollup(
  args: string[],
  usage: {
    missingValue: (o: string) => string;
    unknownOption: (o: string) => string;
    missingInput: string;
    level: (l: string, known: readonly string[]) => string;
    lang: (l: string) => string;
  },
): RollupArgs {
  const inputs: string[] = [];
  let output: string | undefined;
  let json: string | undefined;
  let level = "both";
  let lang = "vi";
  let ruleset: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("-")) throw new RollupUsageError(usage.missingValue(a));
      return v;
    };
    if (a === "-o" || a === "--output") output = value();
    else if (a === "--json") json = value();
    else if (a === "--level") level = value().toLowerCase();
    else if (a === "--lang") lang = value().toLowerCase();
    else if (a === "--ruleset") ruleset = value();
    else if (a === "--force") force = true;
    else if (a.startsWith("-")) throw new RollupUsageError(usage.unknownOption(a));
    else inputs.push(a);
  }
  if (!inputs.length) throw new RollupUsageError(usage.missingInput);
  if (!output) throw new RollupUsageError(ROLLUP_USAGE_TEXT.output);
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new RollupUsageError(ROLLUP_USAGE_TEXT.outputExtension(output));
  if (lang !== "vi" && lang !== "en") throw new RollupUsageError(usage.lang(lang));
  const rs = resolveRuleSet(ruleset, lang);
  const ids = rs.levels.map((l) => l.id as string);
  if (level !== "both" && !ids.includes(level)) throw new RollupUsageError(usage.level(level, ids));
  return {
    inputs,
    output,
    ...(json ? { json } : {}),
    levels: level === "both" ? rs.levels.map((l) => l.id) : [level as LevelId],
    lang: lang as Lang,
    ruleset: rs,
    force,
  };
}

interface Found {
  path: string;
  /** As listed: the path under the folder given, or the file's name. */
  name: string;
  missing?: boolean;
  /** Named on the command line, not found in a folder. */
  explicit?: boolean;
}

/** The files named, and the workbooks found in the folders named (searched through, in name order; hidden files and Excel's "~$" lock files skipped). */
function findInputs(inputs: string[]): Found[] {
  const out: Found[] = [];
  const walk = (dir: string, root: string) => {
    const entries = fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, root);
      else if (e.isFile() && FOLDER_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        out.push({ path: p, name: path.relative(root, p).split(path.sep).join("/") });
    }
  };
  for (const a of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(a);
    } catch {
      out.push({ path: a, name: path.basename(a), missing: true, explicit: true });
      continue;
    }
    if (st.isDirectory()) walk(a, inputs.length > 1 ? path.dirname(path.resolve(a)) : path.resolve(a));
    else out.push({ path: a, name: path.basename(a), explicit: true });
  }
  // A file named twice (a file and its folder) is read once.
  const seen: string[] = [];
  return out.filter((f) => {
    const real = f.missing ? f.path : fs.realpathSync(f.path);
    if (seen.includes(real)) return false;
    seen.push(real);
    return true;
  });
}

/** A workbook holding the roll-up's four sheets: TC8's roll-up, not a commune's file. */
function isRollupWorkbook(file: string): boolean {
  try {
    const names = readModel(new Package(fs.readFileSync(file))).sheets.map((s) => s.name);
    return Object.values(ROLLUP_SHEETS).every((n) => names.includes(n));
  } catch {
    return false;
  }
}

export async function rollupCommand(
  args: string[],
  io: { out: (s: string) => void; err: (s: string) => void },
  usage: Parameters<typeof parseRollup>[1],
): Promise<number> {
  const a = parseRollup(args, usage);
  const t = ROLLUP_CLI_TEXT[a.lang];
  const outputs = [a.output, ...(a.json ? [a.json] : [])];
  // The outputs are never one of the inputs, and are checked (their temporary files made) before anything is read.
  const all = findInputs(a.inputs);
  // An output that is one of the files to roll up is refused, as for evaluate — except a previous
  // roll-up of TC8's in the folder being rolled up: not a commune's file, replaced with --force.
  for (const f of all)
    for (const o of outputs)
      if (!f.missing && sameFile(o, f.path) && (f.explicit || !isRollupWorkbook(f.path)))
        throw new PathError(FILE_TEXT[a.lang].sameAsInput(o));
  const found = all.filter((f) => f.missing || !outputs.some((o) => sameFile(o, f.path)));
  if (!found.length) {
    io.err(t.noFiles(a.inputs.join(", ")));
    return 3;
  }
  const pending = prepareOutputs(undefined, outputs, { force: a.force, lang: a.lang });
  try {
    const inputs: RollupInput[] = found.map((f) => {
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(f.path);
      } catch {
        /* listed with its reason below */
      }
      return {
        name: f.name,
        ...(st ? { size: st.size, modified: st.mtime } : {}),
        bytes: () => {
          if (!st) throw new RollupReadError(t.noSuchFile);
          try {
            return fs.readFileSync(f.path);
          } catch (e) {
            throw new RollupReadError((e as NodeJS.ErrnoException).code ?? "?");
          }
        },
      };
    });
    const at = new Date();
    const rollup = await gatherXlsx(inputs, {
      levels: a.levels,
      lang: a.lang,
      ruleset: a.ruleset,
      at,
      onFile: (i, f) => io.err(terminalText(progressLine(i, inputs.length, f, a.lang))),
    });
    const evaluated = rollup.files.filter((f) => f.outcome.kind === "evaluated").length;
    if (!evaluated) {
      discard(pending);
      io.err(t.none(rollup.files.length));
      return 3;
    }
    const { bytes } = await rollupWorkbook(rollup, a.ruleset, a.lang, at);
    const json = a.json
      ? JSON.stringify(toRollupJson(rollup, { lang: a.lang, evaluatedAt: at.toISOString() }), null, 2) + "\n"
      : undefined;
    commit(pending, json === undefined ? [bytes] : [bytes, json], a.lang);
    io.out(t.done(rollup.rows.filter((r) => !r.commune.excluded).length, evaluated, rollup.files.length - evaluated));
    const twins = rollup.rows.filter((r) => r.sameAs.length).length;
    if (twins) io.out(t.sameCommunes(twins));
    return 0;
  } catch (e) {
    discard(pending);
    throw e;
  }
}
