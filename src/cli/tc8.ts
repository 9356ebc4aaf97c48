/**
 * The command line (SPEC §6):
 *   tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--level ntm|nc|both] [--lang vi|en] [--force]
 *   tc8 template <output.xlsx> [--force]
 * Exit codes: 0 evaluated (whatever the verdicts), 2 usage error or an output that cannot or may not
 * be written, 3 unreadable file, no communes table, or a protection TC8 would have to break.
 * Nothing is written unless everything can be (src/cli/files.ts).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { toResultsJson } from "../core/engine/explain";
import type { CommuneResult, LevelResult } from "../core/engine/types";
import { render, VERDICT_TEXT } from "../core/i18n";
import type { Lang, LevelId } from "../core/ruleset/types";
import { describeRefusal, describeXlsxError, evaluateXlsx, templateXlsx, XlsxError, XlsxRefused } from "../hosts/xlsx";
import { useCodec } from "../hosts/xlsx/zip";
import { commit, discard, PathError, type PendingFile, prepareOutputs, terminalText } from "./files";

// Node's own zlib: the same bytes as fflate's, several times faster (docs/performance.md).
useCodec({ deflate: (data, level) => zlib.deflateRawSync(data, { level }), ...(typeof zlib.crc32 === "function" ? { crc32: (data: Uint8Array, crc: number) => zlib.crc32(data, crc) } : {}) });

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

const USAGE = `Cách dùng / usage:
  tc8 evaluate <input.xlsx> [-o <output.xlsx>] [--json <results.json>] [--level ntm|nc|both] [--lang vi|en] [--force]
  tc8 template <output.xlsx> [--force]
  --force: ghi đè tệp kết quả đã có / replace an existing output file`;

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
    noFile: "không có tệp này",
    isFolder: "đây là một thư mục",
    internal: "TC8 gặp lỗi khi xử lý tệp này; không có gì được ghi. Hãy gửi tệp cho người hỗ trợ",
    refused: (f: string, why: string) => `Không ghi kết quả cho ${f}: ${why}.`,
    extension: (i: string, o: string) => `Tệp đầu vào là ${i}, tệp kết quả phải cùng đuôi ${i} (đang là ${o || "không có đuôi"}): Excel không mở được tệp mang sai đuôi.`,
    reading: "Đang đọc…",
    evaluating: "Đang đánh giá…",
    writing: "Đang ghi…",
    problems: (n: number) => `${n} vấn đề về dữ liệu (xem cột Giải thích TC8 và ghi chú trong ô):`,
    written: (f: string) => `Đã ghi: ${f}`,
    json: (f: string) => `Kết quả JSON: ${f}`,
    chart: "Biểu đồ trong sheet Tổng hợp TC8 chỉ được vẽ trong Excel (phần bổ trợ); tệp .xlsx từ dòng lệnh có bảng số liệu.",
    template: (f: string) => `Đã tạo mẫu nhập liệu: ${f}`,
    excluded: "không đánh giá",
  },
  en: {
    cannotRead: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    noFile: "no such file",
    isFolder: "this is a folder",
    internal: "TC8 failed while processing this file; nothing was written. Please send the file to support",
    refused: (f: string, why: string) => `No results written for ${f}: ${why}.`,
    extension: (i: string, o: string) => `The input is ${i}, so the output must end in ${i} too (it is ${o || "without extension"}): Excel does not open a file with the wrong extension.`,
    reading: "Reading…",
    evaluating: "Evaluating…",
    writing: "Writing…",
    problems: (n: number) => `${n} data problems (see the Giải thích TC8 column and the cells' notes):`,
    written: (f: string) => `Written: ${f}`,
    json: (f: string) => `Results JSON: ${f}`,
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
  force: boolean;
}

function parseEvaluate(args: string[]): EvaluateArgs {
  let input: string | undefined;
  let output: string | undefined;
  let json: string | undefined;
  let level = "both";
  let lang = "vi";
  let force = false;
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
    else if (a === "--force") force = true;
    else if (a.startsWith("-")) throw new UsageError(`tùy chọn không rõ / unknown option: ${a}`);
    else if (input === undefined) input = a;
    else throw new UsageError(`thừa tham số / unexpected argument: ${a}`);
  }
  if (!input) throw new UsageError("thiếu tệp đầu vào / missing input file");
  if (!["ntm", "nc", "both"].includes(level)) throw new UsageError(`--level ${level}: chỉ nhận ntm, nc hoặc both / must be ntm, nc or both`);
  if (lang !== "vi" && lang !== "en") throw new UsageError(`--lang ${lang}: chỉ nhận vi hoặc en / must be vi or en`);
  const out = output ?? defaultOutput(input);
  const ext = (f: string) => path.extname(f).toLowerCase();
  if ([".xlsx", ".xlsm"].includes(ext(input)) && ext(out) !== ext(input)) throw new UsageError(T[lang as Lang].extension(ext(input), ext(out)));
  return { input, output: out, json, levels: level === "both" ? ["ntm", "nc"] : [level as LevelId], lang: lang as Lang, force };
}

/** so-lieu.xlsx → so-lieu.tc8.xlsx; so-lieu.xlsm → so-lieu.tc8.xlsm (the macros go with it). */
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
    if (fs.statSync(a.input).isDirectory()) {
      io.err(t.cannotRead(a.input, t.isFolder));
      return EXIT.unreadable;
    }
    data = fs.readFileSync(a.input);
  } catch (e) {
    io.err(t.cannotRead(a.input, (e as NodeJS.ErrnoException).code === "ENOENT" ? t.noFile : ((e as NodeJS.ErrnoException).code ?? "?")));
    return EXIT.unreadable;
  }
  // Every output is checked, and its temporary file made, before anything is evaluated or written.
  const pending = prepareOutputs(a.input, [a.output, ...(a.json ? [a.json] : [])], { force: a.force, lang: a.lang });
  const large = data.length > LARGE_FILE;
  if (large) io.err(t.reading);
  let result;
  try {
    result = await evaluateXlsx(data, { levels: a.levels, lang: a.lang }, large ? (s) => io.err(s === "evaluating" ? t.evaluating : t.writing) : undefined);
  } catch (e) {
    discard(pending);
    io.err(t.cannotRead(a.input, e instanceof XlsxError ? describeXlsxError(e, a.lang) : t.internal));
    if (!(e instanceof XlsxError) && process.env.TC8_DEBUG) io.err(String((e as Error).stack));
    return EXIT.unreadable;
  }
  const { run, output, skipped, refused } = result;
  if (refused) {
    discard(pending);
    io.err(t.refused(a.input, describeRefusal(refused, a.lang)));
    return EXIT.unreadable;
  }
  if (run.read.fatal || !output) {
    discard(pending);
    io.err(t.cannotRead(a.input, render(run.read.fatal!, a.lang)));
    return EXIT.unreadable;
  }
  const json = a.json ? JSON.stringify(toResultsJson(run.evaluation, { lang: a.lang, evaluatedAt: run.plan?.state.evaluatedAt }), null, 2) + "\n" : undefined;
  commit(pending, json === undefined ? [output] : [output, json], a.lang);
  for (const c of run.evaluation.communes) io.out(terminalText(communeLine(c, a.lang)));
  const problems = run.evaluation.problems;
  if (problems.length) {
    io.out(t.problems(problems.length));
    for (const p of problems.slice(0, 20)) io.out(`  ${terminalText(`${p.cell ?? ""} ${render(p.msg, a.lang)}`)}`.trimEnd());
    if (problems.length > 20) io.out(`  …`);
  }
  if (skipped.length) io.out(t.chart);
  io.out(t.written(a.output));
  if (a.json) io.out(t.json(a.json));
  return EXIT.ok;
}

async function templateCommand(args: string[], io: Io): Promise<number> {
  const force = args.includes("--force");
  const rest = args.filter((x) => x !== "--force");
  if (rest.length !== 1 || rest[0].startsWith("-")) throw new UsageError("tc8 template <output.xlsx> [--force]");
  const pending: PendingFile[] = prepareOutputs(undefined, [rest[0]], { force, lang: "vi" });
  let bytes: Uint8Array;
  try {
    bytes = (await templateXlsx()).bytes;
  } catch (e) {
    discard(pending);
    throw e;
  }
  commit(pending, [bytes], "vi");
  io.out(T.vi.template(rest[0]));
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
    // An output that cannot or may not be written: one line, nothing written.
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
