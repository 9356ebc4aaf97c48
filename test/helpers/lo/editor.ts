/**
 * Workbooks edited as a user edits them: LibreOffice Calc, headless, driven through UNO by
 * edit.py (rows and columns inserted or deleted, sheets renamed or moved, text, formulas, notes,
 * fills, heights, widths, links), saved as .xlsx again. One LibreOffice session serves a test file.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

import type { Edit } from "../edits";

export type { Edit } from "../edits";

const SCRIPT = path.join(__dirname, "edit.py");
/** Debian's python3, which has python3-uno (a python3 earlier on the PATH may not). */
export const PYTHON = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

export class LibreOfficeEditor {
  private proc?: ChildProcessWithoutNullStreams;
  private lines?: AsyncIterator<string>;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-edit-"));
  private n = 0;

  private async start(): Promise<void> {
    this.proc = spawn(PYTHON, [SCRIPT, "--serve"], { stdio: ["pipe", "pipe", "pipe"] });
    this.lines = readline.createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
    const first = await this.lines.next();
    if (first.value !== "ready") throw new Error(`LibreOffice did not start: ${first.value ?? "no answer"}`);
  }

  /** The workbook after the edits, as LibreOffice saves it. */
  async edit(bytes: Uint8Array, ops: readonly Edit[]): Promise<Uint8Array> {
    if (!this.proc) await this.start();
    const k = ++this.n;
    const input = path.join(this.dir, `in-${k}.xlsx`);
    const output = path.join(this.dir, `out-${k}.xlsx`);
    fs.writeFileSync(input, bytes);
    this.proc!.stdin.write(`${JSON.stringify({ input, output, ops })}\n`);
    const answer = await this.lines!.next();
    if (answer.value !== "ok") throw new Error(`LibreOffice could not edit: ${answer.value ?? "no answer"}`);
    const out = new Uint8Array(fs.readFileSync(output));
    fs.rmSync(input);
    fs.rmSync(output);
    return out;
  }

  async close(): Promise<void> {
    if (this.proc) {
      this.proc.stdin.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (this.proc!.kill(), resolve()), 60_000);
        this.proc!.once("exit", () => (clearTimeout(timer), resolve()));
      });
      this.proc = undefined;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
