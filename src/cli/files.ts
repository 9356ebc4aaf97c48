/**
 * Safe files for the command line (docs/DECISIONS.md, "Command-line file safety"): every output
 * path is checked before anything is written, compared with the input and with each other by
 * real identity (resolved path, device and inode, so links are caught), never replaces an existing
 * file without --force, and is written atomically: a temporary file in the same folder, then a
 * rename, so an interruption never leaves half a file.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Lang } from "../core/ruleset/types";

export class PathError extends Error {}

/** What the command line says of an output file it will not or cannot write (docs/messages.md). */
export const FILE_TEXT = {
  vi: {
    sameAsInput: (f: string) =>
      `${f} là tệp đầu vào (hoặc một liên kết tới nó): TC8 không bao giờ ghi đè tệp gốc. Hãy chọn tên khác.`,
    sameAsOther: (f: string) => `${f} được chọn cho cả tệp kết quả và tệp JSON: hãy chọn hai tên khác nhau.`,
    exists: (f: string) => `Đã có tệp ${f}: TC8 không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
    isFolder: (f: string) => `${f} là một thư mục, không phải tệp: hãy ghi rõ tên tệp.`,
    noFolder: (d: string) => `Không có thư mục ${d}: hãy tạo thư mục trước hoặc chọn nơi khác.`,
    notFolder: (d: string) => `${d} không phải thư mục: không ghi được tệp vào đó.`,
    noPermission: (d: string) => `Không có quyền ghi vào thư mục ${d}.`,
    notWritable: (d: string) => `Không ghi được tệp vào thư mục ${d}: hãy chọn nơi khác.`,
    cannotWrite: (f: string, code: string) => `Không ghi được tệp ${f} (${code}).`,
  },
  en: {
    sameAsInput: (f: string) =>
      `${f} is the input file (or a link to it): TC8 never writes over its input. Choose another name.`,
    sameAsOther: (f: string) => `${f} is given for both the workbook and the JSON: choose two different names.`,
    exists: (f: string) =>
      `${f} already exists: TC8 does not replace it. Choose another name, or add --force to replace it.`,
    isFolder: (f: string) => `${f} is a folder, not a file: give a file name.`,
    noFolder: (d: string) => `There is no folder ${d}: create it first or choose another place.`,
    notFolder: (d: string) => `${d} is not a folder: no file can be written there.`,
    noPermission: (d: string) => `No permission to write in the folder ${d}.`,
    notWritable: (d: string) => `No file can be written in the folder ${d}: choose another place.`,
    cannotWrite: (f: string, code: string) => `Cannot write ${f} (${code}).`,
  },
};

interface Identity {
  real: string;
  dev?: number;
  ino?: number;
}

function identity(p: string): Identity {
  const abs = path.resolve(p);
  try {
    const st = fs.statSync(abs);
    return { real: fs.realpathSync(abs), dev: st.dev, ino: st.ino };
  } catch {
    let dir: string;
    try {
      dir = fs.realpathSync(path.dirname(abs));
    } catch {
      dir = path.dirname(abs);
    }
    return { real: path.join(dir, path.basename(abs)) };
  }
}

const same = (a: Identity, b: Identity) =>
  a.real === b.real || (a.ino !== undefined && a.dev === b.dev && a.ino === b.ino);

/** Whether two paths are one file (resolved path, or device and inode: links are caught). */
export function sameFile(a: string, b: string): boolean {
  return same(identity(a), identity(b));
}

/** A file about to be written: its temporary file already made, so the folder is known to take it. */
export interface PendingFile {
  target: string;
  temp: string;
}

function describeCode(code: string | undefined, file: string, lang: Lang): string {
  const t = FILE_TEXT[lang];
  const dir = path.dirname(path.resolve(file));
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return t.noPermission(dir);
  // A folder that is there but takes no files (/proc, say) answers ENOENT too.
  if (code === "ENOENT") return fs.existsSync(dir) ? t.notWritable(dir) : t.noFolder(dir);
  if (code === "ENOTDIR") return t.notFolder(dir);
  if (code === "EISDIR") return t.isFolder(file);
  return t.cannotWrite(file, code ?? "?");
}

/**
 * Checks the outputs against the input, each other and what is already there, then makes each one's
 * temporary file. Throws PathError (one line) with nothing left behind.
 */
export function prepareOutputs(
  input: string | undefined,
  outputs: string[],
  opts: { force: boolean; lang: Lang },
): PendingFile[] {
  const t = FILE_TEXT[opts.lang];
  const inId = input ? identity(input) : undefined;
  const ids: Identity[] = [];
  for (const out of outputs) {
    const abs = path.resolve(out);
    const id = identity(out);
    if (inId && same(id, inId)) throw new PathError(t.sameAsInput(out));
    if (ids.some((o) => same(o, id))) throw new PathError(t.sameAsOther(out));
    ids.push(id);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTDIR") throw new PathError(t.notFolder(path.dirname(abs)));
      // A link pointing nowhere is still a file of the user's.
      if (code === "ENOENT" && isLink(abs) && !opts.force) throw new PathError(t.exists(out));
    }
    if (st?.isDirectory() || /[\\/]$/.test(out)) throw new PathError(t.isFolder(out));
    if (st && !opts.force) throw new PathError(t.exists(out));
    let dir: fs.Stats;
    try {
      dir = fs.statSync(path.dirname(abs));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new PathError(code === "ENOTDIR" ? t.notFolder(path.dirname(abs)) : t.noFolder(path.dirname(abs)));
    }
    if (!dir.isDirectory()) throw new PathError(t.notFolder(path.dirname(abs)));
  }
  const pending: PendingFile[] = [];
  try {
    for (const out of outputs) {
      const abs = path.resolve(out);
      const temp = path.join(
        path.dirname(abs),
        `.${path.basename(abs)}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`,
      );
      try {
        fs.closeSync(fs.openSync(temp, "wx", 0o644));
      } catch (e) {
        throw new PathError(describeCode((e as NodeJS.ErrnoException).code, out, opts.lang));
      }
      pending.push({ target: abs, temp });
    }
  } catch (e) {
    discard(pending);
    throw e;
  }
  return pending;
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Removes the temporary files: nothing was written. */
export function discard(pending: readonly PendingFile[]): void {
  for (const p of pending) fs.rmSync(p.temp, { force: true });
}

/** Writes each file's data into its temporary file, then renames them into place. */
export function commit(pending: readonly PendingFile[], data: readonly (Uint8Array | string)[], lang: Lang): void {
  try {
    pending.forEach((p, i) => {
      const fd = fs.openSync(p.temp, "w");
      try {
        fs.writeFileSync(fd, data[i]);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    });
  } catch (e) {
    discard(pending);
    throw new PathError(describeCode((e as NodeJS.ErrnoException).code, pending[0]?.target ?? "", lang));
  }
  for (const p of pending) {
    try {
      fs.renameSync(p.temp, p.target);
    } catch (e) {
      discard(pending);
      throw new PathError(describeCode((e as NodeJS.ErrnoException).code, p.target, lang));
    }
  }
}

/** Workbook text for the terminal: control characters (escape sequences, bidi overrides) taken out. */
export function terminalText(s: string): string {
  return (
    s
      .replace(/[\t\n\r]+/g, " ")
      // eslint-disable-next-line no-control-regex -- control characters are what this finds
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
  );
}
