/** A workbook rendered by LibreOffice; the words of a PDF with their boxes (pdftotext -bbox-layout), and words drawn over each other. */
import { spawnSync } from "node:child_process";
import path from "node:path";

/** The PDF LibreOffice headless makes of `file`, in `dir` (its own profile there, so runs do not share one). */
export function pdfOf(soffice: string, file: string, dir: string): string {
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice could not convert ${file}: ${r.stderr}`);
  return path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
}

export interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function wordsOf(pdftotext: string, pdf: string): Word[] {
  const r = spawnSync(pdftotext, ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const words: Word[] = [];
  let page = 0;
  for (const line of r.stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] });
  }
  return words;
}

/** Pairs of words whose boxes share more than a third of the smaller box (text over text). */
export function overlaps(words: Word[]): [Word, Word][] {
  const out: [Word, Word][] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    list.sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length && list[j].y0 < list[i].y1; j++) {
        const a = list[i];
        const b = list[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w <= 0 || h <= 0) continue;
        const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
        if (w * h > smaller / 3) out.push([a, b]);
      }
  }
  return out;
}

/** The pixels of a binary PPM (P6) image: width, height and RGB bytes. */
export function readPpm(data: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a P6 PPM");
  return { width: +header[1], height: +header[2], rgb: data.subarray(header[0].length) };
}
