/**
 * The command line (SPEC §6):
 *   tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--level ntm|nc|both] [--lang vi|en]
 *   tc8 template <output.xlsx>
 * Exit codes: 0 evaluated (whatever the verdicts), 2 usage error, 3 unreadable file or no communes table.
 */
import fs from "node:fs";
import path from "node:path";
import { toResultsJson } from "../core/engine/explain";
import type { CommuneResult, LevelResult } from "../core/engine/types";
import { formatter, render, VERDICT_TEXT } from "../core/i18n";
import { getRuleSet, levelOf } from "../core/ruleset";
import type { Lang, LevelId } from "../core/ruleset/types";
import { evaluateXlsx, templateXlsx } from "../hosts/xlsx";
import { PART_NAMES } from "../hosts/xlsx/parts";

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

export const USAGE = `Cách dùng / usage:
  tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--level ntm|nc|both] [--lang vi|en]
  tc8 template <output.xlsx>`;

/** Files above this many bytes (a district of some 500 communes) get progress lines on stderr. */
export const LARGE_FILE = 256 * 1024;

class UsageError extends Error {}

/** Usage errors, in both languages at once (the language option may be what is wrong). */
export const USAGE_TEXT = {
  missingValue: (option: string) => `${option}: thiếu giá trị / missing value`,
  unknownOption: (option: string) => `tùy chọn không rõ / unknown option: ${option}`,
  unexpected: (arg: string) => `thừa tham số / unexpected argument: ${arg}`,
  missingInput: "thiếu tệp đầu vào / missing input file",
  level: (level: string) => `--level ${level}: chỉ nhận ntm, nc hoặc both / must be ntm, nc or both`,
  lang: (lang: string) => `--lang ${lang}: chỉ nhận vi hoặc en / must be vi or en`,
  template: "tc8 template: cần đúng một tên tệp mẫu / needs exactly one output file: tc8 template <output.xlsx>",
  unknownCommand: (cmd: string) => `lệnh không rõ / unknown command: ${cmd}`,
  missingCommand: "thiếu lệnh / missing command",
};

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const CLI_TEXT = {
  vi: {
    cannotRead: (f: string, why: string) => `Không đọc được tệp ${f}: ${why}`,
    cannotEvaluate: (f: string, why: string) => `Không đánh giá được tệp ${f}: ${why}`,
    notXlsx: "không phải tệp Excel .xlsx",
    noSuchFile: "không có tệp này",
    sameAsInput: "Tệp kết quả trùng với tệp đầu vào: TC8 không ghi đè tệp gốc. Hãy chọn tên khác với -o.",
    reading: "Đang đọc…",
    evaluating: "Đang đánh giá…",
    writing: "Đang ghi…",
    problems: (n: number) => `${n} vấn đề về dữ liệu (xem cột Giải thích TC8 và ghi chú trong ô):`,
    written: (f: string) => `Đã ghi: ${f}`,
    json: (f: string) => `Đã ghi kết quả dạng JSON: ${f}`,
    dropped: (parts: string) => `Cảnh báo: tệp gốc có ${parts}; bản kết quả không giữ được các phần này (tệp gốc không bị thay đổi).`,
    chart: "Biểu đồ của sheet Tổng hợp TC8 chỉ vẽ được khi đánh giá bằng phần bổ trợ trong Excel; tệp do dòng lệnh ghi có bảng số liệu, không có biểu đồ.",
    template: (f: string) => `Đã tạo mẫu nhập liệu: ${f}`,
    excluded: "không đánh giá",
    at: (cell: string) => `Ô ${cell}`,
    indicators: (ids: string[]) => `chỉ tiêu ${ids.join(", ")}`,
    failing: (ids: string[]) => `chỉ tiêu ${ids.join(", ")} không đạt`,
    missing: (ids: string[]) => `chỉ tiêu ${ids.join(", ")} thiếu dữ liệu`,
    prerequisite: (criterion: string) => `chưa đạt ${criterion}`,
  },
  en: {
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    cannotEvaluate: (f: string, why: string) => `Cannot evaluate ${f}: ${why}`,
    notXlsx: "not an Excel .xlsx file",
    noSuchFile: "no such file",
    sameAsInput: "The output file is the input file: TC8 never writes over its input. Choose another name with -o.",
    reading: "Reading…",
    evaluating: "Evaluating…",
    writing: "Writing…",
    problems: (n: number) => `${n} data problem${n === 1 ? "" : "s"} (see the Giải thích TC8 column and the cells' notes):`,
    written: (f: string) => `Written: ${f}`,
    json: (f: string) => `Results JSON written: ${f}`,
    dropped: (parts: string) => `Warning: the input holds ${parts}; the annotated copy cannot carry them over (the input is not changed).`,
    chart: "The chart of the Tổng hợp TC8 sheet is drawn only when the add-in evaluates in Excel; the file the command line writes has its figures, not the chart.",
    template: (f: string) => `Input template written: ${f}`,
    excluded: "not evaluated",
    at: (cell: string) => `Cell ${cell}`,
    indicators: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")}`,
    failing: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")} failing`,
    missing: (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")} missing data`,
    prerequisite: (criterion: string) => `${criterion} not met`,
  },
};

interface EvaluateArgs {
  input: string;
  output: string;
  json?: string;
  levels: LevelId[];
  lang: Lang;
}

function parseEvaluate(args: string[]): EvaluateArgs {
  let input: string | undefined;
  let output: string | undefined;
  let json: string | undefined;
  let level = "both";
  let lang = "vi";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("-")) throw new UsageError(USAGE_TEXT.missingValue(a));
      return v;
    };
    if (a === "-o" || a === "--output") output = value();
    else if (a === "--json") json = value();
    else if (a === "--level") level = value();
    else if (a === "--lang") lang = value();
    else if (a.startsWith("-")) throw new UsageError(USAGE_TEXT.unknownOption(a));
    else if (input === undefined) input = a;
    else throw new UsageError(USAGE_TEXT.unexpected(a));
  }
  if (!input) throw new UsageError(USAGE_TEXT.missingInput);
  if (!["ntm", "nc", "both"].includes(level)) throw new UsageError(USAGE_TEXT.level(level));
  if (lang !== "vi" && lang !== "en") throw new UsageError(USAGE_TEXT.lang(lang));
  const out = output ?? defaultOutput(input);
  if (path.resolve(out) === path.resolve(input)) throw new UsageError(CLI_TEXT[lang].sameAsInput);
  return { input, output: out, json, levels: level === "both" ? ["ntm", "nc"] : [level as LevelId], lang };
}

/** so-lieu.xlsx → so-lieu.tc8.xlsx */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.tc8${ext || ".xlsx"}`);
}

/**
 * "Xã Hồng Phong: TC8 NTM Không đạt (chỉ tiêu 8.4) · TC8 NTM nâng cao Không đạt (chưa đạt TC8 NTM)":
 * each level by its name, and why it is not met.
 */
export function communeLine(c: CommuneResult, lang: Lang): string {
  const t = CLI_TEXT[lang];
  if (c.excluded) return `${c.name}: ${t.excluded} (${render(c.excluded, lang)})`;
  const rs = getRuleSet();
  const levels = (Object.values(c.levels) as LevelResult[]).map((lv) => {
    const ids = (v: "fail" | "missing") => lv.indicators.filter((i) => i.verdict === v).map((i) => i.id);
    const prerequisites = lv.prerequisites.filter((p) => p.verdict !== "pass").map((p) => t.prerequisite(levelOf(rs, p.id.replace(/^tc8\./, "") as LevelId).criterion));
    const fail = ids("fail");
    const missing = ids("missing");
    // "Không đạt (chỉ tiêu 8.4)" where the indicators say no more than the verdict does.
    const alone = !prerequisites.length && (!fail.length || !missing.length) ? (fail.length ? fail : missing) : null;
    const details = alone ? (alone.length ? [t.indicators(alone)] : []) : [...prerequisites, ...(fail.length ? [t.failing(fail)] : []), ...(missing.length ? [t.missing(missing)] : [])];
    return `TC8 ${levelOf(rs, lv.level).name[lang]} ${VERDICT_TEXT[lang][lv.verdict]}${details.length ? ` (${details.join("; ")})` : ""}`;
  });
  return `${c.name}: ${levels.join(" · ")}`;
}

async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const a = parseEvaluate(args);
  const t = CLI_TEXT[a.lang];
  let data: Buffer;
  try {
    data = fs.readFileSync(a.input);
  } catch (e) {
    io.err(t.cannotRead(a.input, (e as NodeJS.ErrnoException).code === "ENOENT" ? t.noSuchFile : (e as Error).message));
    return EXIT.unreadable;
  }
  const large = data.length > LARGE_FILE;
  if (large) io.err(t.reading);
  let result;
  try {
    result = await evaluateXlsx(data, { levels: a.levels, lang: a.lang }, large ? (s) => io.err(s === "evaluating" ? t.evaluating : t.writing) : undefined);
  } catch (e) {
    io.err(t.cannotRead(a.input, /zip|central directory|signature/i.test((e as Error).message) ? t.notXlsx : (e as Error).message));
    return EXIT.unreadable;
  }
  const { run, output, dropped, skipped } = result;
  // No communes table, or one with no commune (a fresh template): one line, exit 3, nothing written.
  if (run.read.fatal || !output) {
    io.err(t.cannotEvaluate(a.input, render(run.read.fatal!, a.lang)));
    return EXIT.unreadable;
  }
  fs.writeFileSync(a.output, output);
  if (a.json) fs.writeFileSync(a.json, JSON.stringify(toResultsJson(run.evaluation, { lang: a.lang, evaluatedAt: run.plan?.state.evaluatedAt }), null, 2) + "\n");
  for (const c of run.evaluation.communes) io.out(communeLine(c, a.lang));
  const problems = run.evaluation.problems;
  if (problems.length) {
    io.out(t.problems(problems.length));
    const f = formatter(a.lang);
    for (const p of problems.slice(0, 20)) io.out(`  ${p.cell ? `${t.at(f.cell(p.cell))}: ` : ""}${render(p.msg, a.lang)}`);
    if (problems.length > 20) io.out(`  …`);
  }
  if (dropped.length) io.err(t.dropped(dropped.map((d) => PART_NAMES[d][a.lang]).join(", ")));
  if (skipped.length) io.out(t.chart);
  io.out(t.written(a.output));
  if (a.json) io.out(t.json(a.json));
  return EXIT.ok;
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) throw new UsageError(USAGE_TEXT.template);
  fs.writeFileSync(args[0], (await templateXlsx()).bytes);
  io.out(CLI_TEXT.vi.template(args[0]));
  return EXIT.ok;
}

export async function main(argv: string[], io: Io = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === "evaluate") return await evaluateCommand(rest, io);
    if (cmd === "template") return await templateCommand(rest, io);
    if (cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (cmd === "--version" || cmd === "-v") {
      io.out(String((JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version));
      return EXIT.ok;
    }
    throw new UsageError(cmd ? USAGE_TEXT.unknownCommand(cmd) : USAGE_TEXT.missingCommand);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tc8: ${e.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}
