/**
 * Rule sets on the command line (docs/cli.md, "Rule sets"): `<id|file>` resolved in one place
 * (resolveRuleSetArg, also for other commands that take --ruleset), and `tc8 ruleset list | show | check`.
 */
import fs from "node:fs";
import { render } from "../core/i18n";
import {
  asFileRuleSet,
  checkRuleSet,
  findRuleSet,
  shippedRuleSetIds,
  shippedRuleSetText,
  type RuleSet,
  type RuleSetProblem,
} from "../core/ruleset";
import type { Lang } from "../core/ruleset/types";
import type { Io } from "./io";

/** A rule set named on the command line, with the text it came from (a shipped file's or the user's). */
export interface ResolvedRuleSet {
  ruleset: RuleSet;
  /** The data file's text, byte for byte. */
  text: string;
  /** The file read, or undefined for a shipped id. */
  file?: string;
}

/** Why `<id|file>` names no usable rule set: no such id or file, or a file that is invalid. */
export class RuleSetArgError extends Error {
  constructor(
    message: string,
    readonly problems: readonly RuleSetProblem[] = [],
  ) {
    super(message);
    this.name = "RuleSetArgError";
  }
}

export const RULESET_TEXT = {
  vi: {
    unknown: (arg: string, known: string[]) =>
      `Không có bộ tiêu chí "${arg}": không phải mã của bộ tiêu chí có sẵn (${known.join(", ")}) và không có tệp này`,
    cannotRead: (f: string, why: string) => `Không đọc được tệp bộ tiêu chí ${f}: ${why}`,
    invalid: (f: string, n: number) => `Tệp bộ tiêu chí ${f} không hợp lệ (${n} lỗi):`,
    valid: (f: string, id: string, title: string) => `Hợp lệ: ${f} – bộ tiêu chí ${id} (${title})`,
    at: (p: RuleSetProblem) => `${p.pointer || "/"}${p.place ? ` (dòng ${p.place.line}, cột ${p.place.column})` : ""}`,
  },
  en: {
    unknown: (arg: string, known: string[]) =>
      `No rule set "${arg}": it is neither a shipped rule set's id (${known.join(", ")}) nor a file`,
    cannotRead: (f: string, why: string) => `Cannot read the rule-set file ${f}: ${why}`,
    invalid: (f: string, n: number) => `The rule-set file ${f} is invalid (${n} problem${n === 1 ? "" : "s"}):`,
    valid: (f: string, id: string, title: string) => `Valid: ${f} – rule set ${id} (${title})`,
    at: (p: RuleSetProblem) =>
      `${p.pointer || "/"}${p.place ? ` (line ${p.place.line}, column ${p.place.column})` : ""}`,
  },
};

/** A problem line: the place (JSON pointer, line:column), then the message in Vietnamese and English. */
export function problemLine(p: RuleSetProblem, lang: Lang): string {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return `${RULESET_TEXT[lang].at(p)}: ${render(p.msg, lang)} / ${render(p.msg, other)}`;
}

/**
 * `<id|file>`: a shipped rule set's id, else a rule-set file (JSON) read and checked. A name that is
 * both is the shipped id unless it looks like a path (has a slash or ends in .json).
 */
export function resolveRuleSetArg(arg: string, lang: Lang = "vi"): ResolvedRuleSet {
  const t = RULESET_TEXT[lang];
  const looksLikeFile = /[\\/]/.test(arg) || /\.json$/i.test(arg);
  const shipped = looksLikeFile ? undefined : findRuleSet(arg);
  if (shipped) return { ruleset: shipped, text: shippedRuleSetText(arg)! };
  let text: string;
  try {
    text = fs.readFileSync(arg, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new RuleSetArgError(t.unknown(arg, shippedRuleSetIds()));
    throw new RuleSetArgError(t.cannotRead(arg, code ?? String(e)));
  }
  const checked = checkRuleSet(text);
  if (!checked.ruleset) throw new RuleSetArgError(t.invalid(arg, checked.problems.length), checked.problems);
  return { ruleset: asFileRuleSet(checked.ruleset, text, arg), text, file: arg };
}

/** Says why a rule set named on the command line cannot be used (each problem at its place). */
export function reportRuleSetError(e: RuleSetArgError, io: Io, lang: Lang): void {
  io.err(e.message);
  for (const p of e.problems) io.err(`  ${problemLine(p, lang)}`);
}

/** A rule set as a reviewer reads it: title, documents, validity, classification, levels, indicators and conditions with their thresholds. */
export function describeRuleSet(rs: RuleSet, lang: Lang): string[] {
  const vi = lang === "vi";
  const out: string[] = [];
  out.push(`${rs.id}${rs.extends ? ` (${vi ? "kế thừa" : "extends"} ${rs.extends})` : ""} – ${rs.name}`);
  out.push(
    `${vi ? "Phiên bản" : "Version"}: ${rs.version}; ${vi ? "hiệu lực" : "valid"}: ${rs.validity.from}${rs.validity.to ? ` – ${rs.validity.to}` : ""}`,
  );
  for (const s of rs.sources) out.push(`  · ${s}`);
  out.push(
    `${vi ? "Phân loại xã" : "Classification"}: ${rs.areas.map((a) => `${a.id} (${a.label[lang]})`).join(", ")}; ${vi ? "mặc định" : "default"}: ${rs.defaultArea}`,
  );
  const thr = (t: import("../core/ruleset/types").Threshold): string =>
    "byArea" in t
      ? Object.entries(t.byArea)
          .map(([a, r]) => `${a} ${fractionText(r)}`)
          .join(", ")
      : fractionText(t);
  for (const level of rs.levels) {
    out.push("");
    out.push(
      `${level.criterion} – ${level.name[lang]} (${level.id}, ${level.annex})${level.prerequisites.length ? `; ${vi ? "cần" : "needs"} ${level.prerequisites.join(", ")}` : ""}`,
    );
    for (const ind of level.indicators) {
      out.push(`  ${ind.id} ${level.short}: ${vi ? ind.title : ind.titleEn}`);
      for (const c of ind.conditions) {
        const check = c.check;
        const t =
          "threshold" in check ? ` [${thr(check.threshold)}]` : check.kind === "atLeast" ? ` [>= ${check.min}]` : "";
        out.push(
          `    ${c.id} (${check.kind})${t}${c.informational ? (vi ? " – để biết" : " – informational") : ""}: ${c.name[lang]}`,
        );
      }
    }
  }
  return out;
}

function fractionText(r: { n: number; d: number }): string {
  let d = r.d;
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d !== 1 ? `${r.n}/${r.d}` : `${(r.n * 100) / r.d}%`;
}

/** tc8 ruleset list | show <id|file> [--json] | check <file>. */
export async function rulesetCommand(
  args: string[],
  io: Io,
  lang: Lang,
  usage: (message: string) => never,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "list") {
    if (rest.length) usage(`tc8 ruleset list: ${rest[0]}`);
    for (const id of shippedRuleSetIds()) {
      const rs = findRuleSet(id)!;
      io.out(`${id}\t${rs.version}\t${rs.name}`);
    }
    return 0;
  }
  if (sub === "show") {
    const json = rest.includes("--json");
    const names = rest.filter((a) => a !== "--json");
    if (names.length !== 1 || names[0].startsWith("-")) usage("tc8 ruleset show <id|file> [--json]");
    try {
      const r = resolveRuleSetArg(names[0], lang);
      // --json: exactly the data file, so that it can be copied, changed and checked.
      // A large file through a pipe: wait until it is written, as the command exits right after.
      if (json && io.write) await io.write(r.text);
      else if (json) io.out(r.text.endsWith("\n") ? r.text.slice(0, -1) : r.text);
      else for (const line of describeRuleSet(r.ruleset, lang)) io.out(line);
      return 0;
    } catch (e) {
      if (!(e instanceof RuleSetArgError)) throw e;
      reportRuleSetError(e, io, lang);
      return 2;
    }
  }
  if (sub === "check") {
    if (rest.length !== 1 || rest[0].startsWith("-")) usage("tc8 ruleset check <file>");
    try {
      const r = resolveRuleSetArg(rest[0], lang);
      io.out(RULESET_TEXT[lang].valid(rest[0], r.ruleset.id, r.ruleset.name));
      return 0;
    } catch (e) {
      if (!(e instanceof RuleSetArgError)) throw e;
      reportRuleSetError(e, io, lang);
      return 2;
    }
  }
  return usage(sub ? `tc8 ruleset: ${sub}` : "tc8 ruleset list | show <id|file> [--json] | check <file>");
}
