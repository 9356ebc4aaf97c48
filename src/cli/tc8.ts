/**
 * The command line (docs/cli.md):
 *   tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--ruleset <id|file>] [--level <level>|both] [--lang vi|en] [--force]
 *   tc8 template <output.xlsx> [--ruleset <id|file>] [--force]
 *   tc8 ruleset list | show <id|file> [--json] | check <file>
 *   tc8 rollup <file|folder>… -o <summary.xlsx> [--json <results.json>] [--ruleset <id|file>] [--level …] [--lang …] [--force]  (src/cli/rollup.ts)
 * Exit codes: 0 evaluated (whatever the verdicts), 2 usage error or an output that cannot or may not
 * be written, 3 unreadable file, no communes table, or a protection TC8 would have to break.
 * Nothing is written unless everything can be (src/cli/files.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { toResultsJson } from "../core/engine/explain";
import type { CommuneResult, LevelResult } from "../core/engine/types";
import { formatter, render, VERDICT_TEXT } from "../core/i18n";
import { DEFAULT_RULESET_ID, getRuleSet, levelOf } from "../core/ruleset";
import type { Lang, LevelId, RuleSet } from "../core/ruleset/types";
import type { Run } from "../core/pipeline";
import { describeRefusal, describeXlsxError, evaluateXlsx, templateXlsx, XlsxError, XlsxRefused } from "../hosts/xlsx";
import { checklistNames } from "../core/read/checklist";
import type { Io } from "./io";
import { useNodeCodec } from "./node-codec";
import { rollupCommand, RollupUsageError } from "./rollup";
import { commit, discard, PathError, type PendingFile, prepareOutputs, terminalText } from "./files";
import { reportRuleSetError, resolveRuleSetArg, RuleSetArgError, rulesetCommand } from "./ruleset";

useNodeCodec();

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

export const USAGE = `Cách dùng / usage:
  tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--ruleset <id|file>] [--level ntm|nc|both] [--lang vi|en] [--force]
  tc8 template <output.xlsx> [--ruleset <id|file>] [--force]
  tc8 ruleset list | show <id|file> [--json] | check <file>
  tc8 rollup <file|folder>… -o <summary.xlsx> [--json <results.json>] [--ruleset <id|file>] [--level ntm|nc|both] [--lang vi|en] [--force]
  --ruleset: bộ tiêu chí (mã có sẵn hoặc tệp .json) / rule set (a shipped id or a .json file)
  --level: một cấp của bộ tiêu chí hoặc both / one of the rule set's levels, or both
  --force: ghi đè tệp kết quả đã có / replace an existing output file`;

/** Files above this many bytes (a district of some 500 communes) get progress lines on stderr. */
export const LARGE_FILE = 256 * 1024;

class UsageError extends Error {}

/** Usage errors, in both languages at once (the language option may be what is wrong). */
export const USAGE_TEXT = {
  missingValue: (option: string) => `${option}: thiếu giá trị / missing value`,
  unknownOption: (option: string) => `tùy chọn không rõ / unknown option: ${option}`,
  unexpected: (arg: string) => `thừa tham số / unexpected argument: ${arg}`,
  missingInput: "thiếu tệp đầu vào / missing input file",
  level: (level: string, known: readonly string[]) =>
    `--level ${level}: chỉ nhận ${known.join(", ")} hoặc both / must be ${known.join(", ")} or both`,
  lang: (lang: string) => `--lang ${lang}: chỉ nhận vi hoặc en / must be vi or en`,
  templateExtension: (f: string) =>
    `tc8 template: tệp mẫu phải có đuôi .xlsx (${f}) / the template's name must end in .xlsx`,
  template:
    "tc8 template: cần đúng một tên tệp mẫu / needs exactly one output file: tc8 template <output.xlsx> [--force]",
  unknownCommand: (cmd: string) => `lệnh không rõ / unknown command: ${cmd}`,
  missingCommand: "thiếu lệnh / missing command",
};

export const CLI_TEXT = {
  vi: {
    cannotRead: (f: string, why: string) => `Không đọc được tệp ${f}: ${why}`,
    cannotEvaluate: (f: string, why: string) => `Không đánh giá được tệp ${f}: ${why}`,
    noSuchFile: "không có tệp này",
    isFolder: "đây là một thư mục",
    internal: "TC8 gặp lỗi khi xử lý tệp này; không có gì được ghi. Hãy gửi tệp cho người hỗ trợ",
    refused: (f: string, why: string) => `Không ghi kết quả cho ${f}: ${why}.`,
    extension: (i: string, o: string) =>
      `Tệp đầu vào là ${i}, tệp kết quả cũng phải có đuôi ${i}${o ? ` (không phải ${o})` : " (tên tệp kết quả đang thiếu đuôi)"}: Excel không mở được tệp mang sai đuôi.`,
    reading: "Đang đọc…",
    evaluating: "Đang đánh giá…",
    writing: "Đang ghi…",
    problems: (n: number) => `${n} vấn đề về dữ liệu (xem cột Giải thích TC8 và ghi chú trong ô):`,
    written: (f: string) => `Đã ghi: ${f}`,
    json: (f: string) => `Đã ghi kết quả dạng JSON: ${f}`,
    template: (f: string) => `Đã tạo mẫu nhập liệu: ${f}`,
    excluded: "không đánh giá",
    at: (cell: string) => `Ô ${cell}`,
    indicators: (ids: string[]) => `chỉ tiêu ${ids.join(", ")}`,
    failing: (ids: string[]) => `chỉ tiêu ${ids.join(", ")} không đạt`,
    missing: (ids: string[]) => `chỉ tiêu ${ids.join(", ")} thiếu dữ liệu`,
    prerequisite: (criterion: string, missing: boolean) =>
      missing ? `${criterion} còn thiếu dữ liệu` : `chưa đạt ${criterion}`,
  },
  en: {
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    cannotEvaluate: (f: string, why: string) => `Cannot evaluate ${f}: ${why}`,
    noSuchFile: "no such file",
    isFolder: "this is a folder",
    internal: "TC8 failed while processing this file; nothing was written. Please send the file to support",
    refused: (f: string, why: string) => `No results written for ${f}: ${why}.`,
    extension: (i: string, o: string) =>
      `The input is ${i}, so the output must end in ${i} too${o ? ` (not ${o})` : " (the output's name has no extension)"}: Excel does not open a file with the wrong extension.`,
    reading: "Reading…",
    evaluating: "Evaluating…",
    writing: "Writing…",
    problems: (n: number) =>
      `${n} data problem${n === 1 ? "" : "s"} (see the Giải thích TC8 column and the cells' notes):`,
    written: (f: string) => `Written: ${f}`,
    json: (f: string) => `Results JSON written: ${f}`,
    template: (f: string) => `Input template written: ${f}`,
    excluded: "not evaluated",
    at: (cell: string) => `Cell ${cell}`,
    indicators: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")}`,
    failing: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")} failing`,
    missing: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")} missing data`,
    prerequisite: (criterion: string, missing: boolean) =>
      missing ? `${criterion} lacks data` : `${criterion} not met`,
  },
};

interface EvaluateArgs {
  input: string;
  output: string;
  json?: string;
  /** Given with --ruleset; otherwise the workbook's state decides (else the default). */
  ruleset?: RuleSet;
  /** Undefined: every level of the rule set. */
  levels?: LevelId[];
  lang: Lang;
  force: boolean;
}

function parseEvaluate(args: string[]): EvaluateArgs {
  let input: string | undefined;
  let output: string | undefined;
  let json: string | undefined;
  let level = "both";
  let lang = "vi";
  let force = false;
  let rulesetArg: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(USAGE_TEXT.missingValue(a));
      return v;
    };
    if (a === "-o" || a === "--output") output = value();
    else if (a === "--json") json = value();
    // NTM, NC, EN as the sheets write them count too.
    else if (a === "--level") level = value().toLowerCase();
    else if (a === "--lang") lang = value().toLowerCase();
    else if (a === "--force") force = true;
    else if (a === "--ruleset") rulesetArg = value();
    else if (a.startsWith("-")) throw new UsageError(USAGE_TEXT.unknownOption(a));
    else if (input === undefined) input = a;
    else throw new UsageError(USAGE_TEXT.unexpected(a));
  }
  if (!input) throw new UsageError(USAGE_TEXT.missingInput);
  if (lang !== "vi" && lang !== "en") throw new UsageError(USAGE_TEXT.lang(lang));
  const ruleset = rulesetArg === undefined ? undefined : resolveRuleSetArg(rulesetArg, lang as Lang).ruleset;
  // A level by its id or short label (in any case), as the rule set names them; without --ruleset, the default's names (the workbook's own rule set is known only once read).
  const levelNames = ruleset ?? getRuleSet(DEFAULT_RULESET_ID);
  const picked = levelNames.levels.find((l) => l.id.toLowerCase() === level || l.short.toLowerCase() === level);
  if (level !== "both" && level !== "all" && !picked)
    throw new UsageError(
      USAGE_TEXT.level(
        level,
        levelNames.levels.map((l) => l.id),
      ),
    );
  const out = output ?? defaultOutput(input);
  const ext = (f: string) => path.extname(f).toLowerCase();
  if ([".xlsx", ".xlsm"].includes(ext(input)) && ext(out) !== ext(input))
    throw new UsageError(CLI_TEXT[lang as Lang].extension(ext(input), ext(out)));
  return {
    input,
    output: out,
    json,
    ...(ruleset ? { ruleset } : {}),
    ...(picked ? { levels: [picked.id] } : {}),
    lang: lang as Lang,
    force,
  };
}

/** so-lieu.xlsx → so-lieu.tc8.xlsx; so-lieu.xlsm → so-lieu.tc8.xlsm (the macros go with it). */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.tc8${ext || ".xlsx"}`);
}

/**
 * "Xã Hồng Phong: TC8 NTM Không đạt (chỉ tiêu 8.4) · TC8 NTM nâng cao Không đạt (chưa đạt TC8 NTM)":
 * each level by its name, and why it is not met.
 */
export function communeLine(c: CommuneResult, rs: RuleSet, lang: Lang, name: string = c.name): string {
  const t = CLI_TEXT[lang];
  if (c.excluded) return `${name}: ${t.excluded} (${render(c.excluded, lang)})`;
  const levels = (Object.values(c.levels) as LevelResult[]).map((lv) => {
    const ids = (v: "fail" | "missing") => lv.indicators.filter((i) => i.verdict === v).map((i) => i.id);
    const prerequisites = lv.prerequisites
      .filter((p) => p.verdict !== "pass")
      .map((p) =>
        t.prerequisite(levelOf(rs, p.id.replace(/^tc8\./, "") as LevelId).criterion, p.verdict === "missing"),
      );
    const fail = ids("fail");
    const missing = ids("missing");
    // "Không đạt (chỉ tiêu 8.4)" where the indicators say no more than the verdict does.
    const alone = !prerequisites.length && (!fail.length || !missing.length) ? (fail.length ? fail : missing) : null;
    const details = alone
      ? alone.length
        ? [t.indicators(alone)]
        : []
      : [...prerequisites, ...(fail.length ? [t.failing(fail)] : []), ...(missing.length ? [t.missing(missing)] : [])];
    return `TC8 ${levelOf(rs, lv.level).name[lang]} ${VERDICT_TEXT[lang][lv.verdict]}${details.length ? ` (${details.join("; ")})` : ""}`;
  });
  return `${name}: ${levels.join(" · ")}`;
}

async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const a = parseEvaluate(args);
  const t = CLI_TEXT[a.lang];
  let data: Buffer;
  try {
    if (fs.statSync(a.input).isDirectory()) {
      io.err(t.cannotRead(a.input, t.isFolder));
      return EXIT.unreadable;
    }
    data = fs.readFileSync(a.input);
  } catch (e) {
    io.err(
      t.cannotRead(
        a.input,
        (e as NodeJS.ErrnoException).code === "ENOENT" ? t.noSuchFile : ((e as NodeJS.ErrnoException).code ?? "?"),
      ),
    );
    return EXIT.unreadable;
  }
  // Every output is checked, and its temporary file made, before anything is evaluated or written.
  const pending = prepareOutputs(a.input, [a.output, ...(a.json ? [a.json] : [])], { force: a.force, lang: a.lang });
  const large = data.length > LARGE_FILE;
  if (large) io.err(t.reading);
  let result;
  // What is printed and the JSON are made from the results before the write, which then goes
  // without them (a province's results are hundreds of megabytes of objects; docs/performance.md).
  let json: string | undefined;
  let lines: string[] = [];
  const beforeWrite = (run: Run) => {
    json = a.json
      ? JSON.stringify(
          toResultsJson(run.evaluation, { lang: a.lang, evaluatedAt: run.plan?.state.evaluatedAt }),
          null,
          2,
        ) + "\n"
      : undefined;
    // Two communes of one name (two districts) are told apart by their district, as in the checklist.
    const nameOf = checklistNames(run.evaluation.communes);
    lines = run.evaluation.communes.map((c) => terminalText(communeLine(c, run.evaluation.rules, a.lang, nameOf(c))));
  };
  try {
    result = await evaluateXlsx(
      data,
      { ...(a.levels ? { levels: a.levels } : {}), ...(a.ruleset ? { ruleset: a.ruleset } : {}), lang: a.lang },
      large ? (s) => io.err(s === "evaluating" ? t.evaluating : t.writing) : undefined,
      beforeWrite,
    );
  } catch (e) {
    discard(pending);
    io.err(t.cannotRead(a.input, e instanceof XlsxError ? describeXlsxError(e, a.lang) : t.internal));
    if (!(e instanceof XlsxError) && process.env.TC8_DEBUG) io.err(String((e as Error).stack));
    return EXIT.unreadable;
  }
  const { run, output, refused } = result;
  if (refused) {
    discard(pending);
    io.err(t.refused(a.input, describeRefusal(refused, a.lang)));
    return EXIT.unreadable;
  }
  // No communes table, or one with no commune (a fresh template): one line, exit 3, nothing written.
  if (run.read.fatal || !output) {
    discard(pending);
    io.err(t.cannotEvaluate(a.input, render(run.read.fatal!, a.lang)));
    return EXIT.unreadable;
  }
  commit(pending, json === undefined ? [output] : [output, json], a.lang);
  // One write for all the communes' lines: a province's thousands of lines one call each cost more than their text.
  if (lines.length) io.out(lines.join("\n"));
  const problems = run.evaluation.problems;
  if (problems.length) {
    io.out(t.problems(problems.length));
    const f = formatter(a.lang);
    for (const p of problems.slice(0, 20))
      io.out(`  ${terminalText(`${p.cell ? `${t.at(f.cell(p.cell))}: ` : ""}${render(p.msg, a.lang)}`)}`);
    if (problems.length > 20) io.out(`  …`);
  }
  io.out(t.written(a.output));
  if (a.json) io.out(t.json(a.json));
  return EXIT.ok;
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  const force = args.includes("--force");
  let rest = args.filter((x) => x !== "--force");
  // --ruleset <id|file>: the template has that rule set's fields.
  const at = rest.indexOf("--ruleset");
  let ruleset: RuleSet | undefined;
  if (at >= 0) {
    const v = rest[at + 1];
    if (v === undefined || v.startsWith("-")) throw new UsageError(USAGE_TEXT.missingValue("--ruleset"));
    ruleset = resolveRuleSetArg(v).ruleset;
    rest = [...rest.slice(0, at), ...rest.slice(at + 2)];
  }
  if (rest.length !== 1 || rest[0].startsWith("-")) throw new UsageError(USAGE_TEXT.template);
  // The template is an .xlsx workbook: under another extension Excel would not open it as one.
  if (path.extname(rest[0]).toLowerCase() !== ".xlsx") throw new UsageError(USAGE_TEXT.templateExtension(rest[0]));
  const pending: PendingFile[] = prepareOutputs(undefined, [rest[0]], { force, lang: "vi" });
  let bytes: Uint8Array;
  try {
    bytes = (await templateXlsx(undefined, ruleset)).bytes;
  } catch (e) {
    discard(pending);
    throw e;
  }
  commit(pending, [bytes], "vi");
  io.out(CLI_TEXT.vi.template(rest[0]));
  return EXIT.ok;
}

export async function main(
  argv: string[],
  io: Io = {
    out: (s) => console.log(s),
    err: (s) => console.error(s),
    write: (s) => new Promise<void>((resolve) => process.stdout.write(s, () => resolve())),
  },
): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === "evaluate") return await evaluateCommand(rest, io);
    if (cmd === "template") return await templateCommand(rest, io);
    if (cmd === "rollup") return await rollupCommand(rest, io, USAGE_TEXT);
    if (cmd === "ruleset") {
      const li = rest.indexOf("--lang");
      const lang: Lang = li >= 0 && rest[li + 1]?.toLowerCase() === "en" ? "en" : "vi";
      const args = li >= 0 ? [...rest.slice(0, li), ...rest.slice(li + 2)] : rest;
      return await rulesetCommand(args, io, lang, (m) => {
        throw new UsageError(m);
      });
    }
    if (cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (cmd === "--version" || cmd === "-v") {
      io.out(
        String(
          (JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string })
            .version,
        ),
      );
      return EXIT.ok;
    }
    throw new UsageError(cmd ? USAGE_TEXT.unknownCommand(cmd) : USAGE_TEXT.missingCommand);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RollupUsageError) {
      io.err(`tc8: ${e.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    // An output that cannot or may not be written: one line, nothing written.
    if (e instanceof RuleSetArgError) {
      reportRuleSetError(e, io, "vi");
      return EXIT.usage;
    }
    if (e instanceof PathError) {
      io.err(e.message);
      return EXIT.usage;
    }
    if (e instanceof XlsxRefused) {
      io.err(describeRefusal(e.refusal, "vi"));
      return EXIT.unreadable;
    }
    throw e;
  }
}
