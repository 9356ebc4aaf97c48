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
import { render, VERDICT_TEXT } from "../core/i18n";
import type { Lang, LevelId } from "../core/ruleset/types";
import { evaluateXlsx, templateXlsx } from "../hosts/xlsx";
import { PART_NAMES } from "../hosts/xlsx/parts";

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

const USAGE = `Cách dùng / usage:
  tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--level ntm|nc|both] [--lang vi|en]
  tc8 template <output.xlsx>`;

/** Files above this many bytes (a district of some 500 communes) get progress lines on stderr. */
export const LARGE_FILE = 256 * 1024;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const T = {
  vi: {
    cannotRead: (f: string, why: string) => `Không đọc được tệp ${f}: ${why}`,
    notXlsx: "không phải tệp Excel .xlsx",
    sameAsInput: "Tệp kết quả trùng với tệp đầu vào: TC8 không ghi đè tệp gốc. Hãy chọn tên khác với -o.",
    reading: "Đang đọc…",
    evaluating: "Đang đánh giá…",
    writing: "Đang ghi…",
    problems: (n: number) => `${n} vấn đề về dữ liệu (xem cột Giải thích TC8 và ghi chú trong ô):`,
    written: (f: string) => `Đã ghi: ${f}`,
    json: (f: string) => `Kết quả JSON: ${f}`,
    dropped: (parts: string) => `Cảnh báo: tệp gốc có ${parts}; bản kết quả không giữ được các phần này (tệp gốc không bị thay đổi).`,
    chart: "Biểu đồ trong sheet Tổng hợp TC8 chỉ được vẽ trong Excel (phần bổ trợ); tệp .xlsx từ dòng lệnh có bảng số liệu.",
    template: (f: string) => `Đã tạo mẫu nhập liệu: ${f}`,
    excluded: "không đánh giá",
  },
  en: {
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    notXlsx: "not an Excel .xlsx file",
    sameAsInput: "The output file is the input file: TC8 never writes over its input. Choose another name with -o.",
    reading: "Reading…",
    evaluating: "Evaluating…",
    writing: "Writing…",
    problems: (n: number) => `${n} data problems (see the Giải thích TC8 column and the cells' notes):`,
    written: (f: string) => `Written: ${f}`,
    json: (f: string) => `Results JSON: ${f}`,
    dropped: (parts: string) => `Warning: the input holds ${parts}; the annotated copy cannot carry them over (the input is not changed).`,
    chart: "The chart of the Tổng hợp TC8 sheet is drawn in Excel (the add-in) only; the command line's .xlsx has its figures.",
    template: (f: string) => `Input template written: ${f}`,
    excluded: "not evaluated",
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
      if (v === undefined || v.startsWith("-")) throw new UsageError(`${a}: thiếu giá trị / missing value`);
      return v;
    };
    if (a === "-o" || a === "--output") output = value();
    else if (a === "--json") json = value();
    else if (a === "--level") level = value();
    else if (a === "--lang") lang = value();
    else if (a.startsWith("-")) throw new UsageError(`tùy chọn không rõ / unknown option: ${a}`);
    else if (input === undefined) input = a;
    else throw new UsageError(`thừa tham số / unexpected argument: ${a}`);
  }
  if (!input) throw new UsageError("thiếu tệp đầu vào / missing input file");
  if (!["ntm", "nc", "both"].includes(level)) throw new UsageError(`--level ${level}: chỉ nhận ntm, nc hoặc both / must be ntm, nc or both`);
  if (lang !== "vi" && lang !== "en") throw new UsageError(`--lang ${lang}: chỉ nhận vi hoặc en / must be vi or en`);
  const out = output ?? defaultOutput(input);
  if (path.resolve(out) === path.resolve(input)) throw new UsageError(T[lang].sameAsInput);
  return { input, output: out, json, levels: level === "both" ? ["ntm", "nc"] : [level as LevelId], lang };
}

/** so-lieu.xlsx → so-lieu.tc8.xlsx */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.tc8${ext || ".xlsx"}`);
}

function communeLine(c: CommuneResult, lang: Lang): string {
  const t = T[lang];
  if (c.excluded) return `${c.name}: ${t.excluded} (${render(c.excluded, lang)})`;
  const levels = (Object.values(c.levels) as LevelResult[]).map((lv) => `${lv.level === "ntm" ? "TC8 NTM" : "TC8 NC"} ${VERDICT_TEXT[lang][lv.verdict]}`);
  const notPassing = [...new Set((Object.values(c.levels) as LevelResult[]).flatMap((lv) => lv.indicators.filter((i) => i.verdict !== "pass").map((i) => `${i.id} ${lv.level === "ntm" ? "NTM" : "NC"}`)))];
  return `${c.name}: ${levels.join(" · ")}${notPassing.length ? ` (${notPassing.join(", ")})` : ""}`;
}

async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const a = parseEvaluate(args);
  const t = T[a.lang];
  let data: Buffer;
  try {
    data = fs.readFileSync(a.input);
  } catch (e) {
    io.err(t.cannotRead(a.input, (e as NodeJS.ErrnoException).code === "ENOENT" ? (a.lang === "vi" ? "không có tệp này" : "no such file") : (e as Error).message));
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
  if (run.read.fatal || !output) {
    io.err(t.cannotRead(a.input, render(run.read.fatal!, a.lang)));
    return EXIT.unreadable;
  }
  fs.writeFileSync(a.output, output);
  if (a.json) fs.writeFileSync(a.json, JSON.stringify(toResultsJson(run.evaluation, { lang: a.lang, evaluatedAt: run.plan?.state.evaluatedAt }), null, 2) + "\n");
  for (const c of run.evaluation.communes) io.out(communeLine(c, a.lang));
  const problems = run.evaluation.problems;
  if (problems.length) {
    io.out(t.problems(problems.length));
    for (const p of problems.slice(0, 20)) io.out(`  ${p.cell ?? ""} ${render(p.msg, a.lang)}`.trimEnd());
    if (problems.length > 20) io.out(`  …`);
  }
  if (dropped.length) io.err(t.dropped(dropped.map((d) => PART_NAMES[d][a.lang]).join(", ")));
  if (skipped.length) io.out(t.chart);
  io.out(t.written(a.output));
  if (a.json) io.out(t.json(a.json));
  return EXIT.ok;
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) throw new UsageError("tc8 template <output.xlsx>");
  fs.writeFileSync(args[0], (await templateXlsx()).bytes);
  io.out(T.vi.template(args[0]));
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
    throw new UsageError(cmd ? `lệnh không rõ / unknown command: ${cmd}` : "thiếu lệnh / missing command");
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tc8: ${e.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}
