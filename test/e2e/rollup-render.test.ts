/**
 * The roll-up workbook (docs/output.md §12) opened by LibreOffice: A4 landscape pages, numbered,
 * with no word drawn over another's; the chart of `Theo chỉ tiêu` drawn (its bars' colours on the
 * page); pages kept as PNGs in test-artifacts/ for people to look at.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getRuleSet } from "../../src/core/ruleset";
import { evaluateXlsx, templateXlsx } from "../../src/hosts/xlsx";
import { gatherXlsx, rollupWorkbook } from "../../src/hosts/xlsx/rollup";
import { overlaps, pdfOf, readPpm, wordsOf } from "../helpers/pdf";
import { ARTIFACTS, PDFTOPPM, SOFFICE, describeWith, which } from "../helpers/tools";
import { editCell } from "../helpers/xlsx";

jest.setTimeout(300_000);

const SAMPLE = path.join(__dirname, "../../examples/huyen-binh-gia.xlsx");
const ACCEPTANCE = path.join(__dirname, "../fixtures/acceptance");
const PDFTOTEXT = which("pdftotext");
const PDFINFO = which("pdfinfo");
const AT = new Date(2026, 10, 28, 9, 30);

describeWith(
  SOFFICE && PDFTOPPM && PDFTOTEXT && PDFINFO,
  "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils",
  "the roll-up workbook through LibreOffice",
  () => {
    let dir: string;
    let pdf: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-rollup-render-"));
      const sample = fs.readFileSync(SAMPLE);
      let annotated = (await evaluateXlsx(sample, { evaluatedAt: AT })).output!;
      for (const row of [2, 3, 4, 5, 6]) annotated = editCell(annotated, "Minh chứng TC8", `G${row}`, "Đã có");
      const inputs = [
        { name: "huyen-binh-gia.tc8.xlsx", bytes: annotated },
        {
          name: "public-1-template-form.xlsx",
          bytes: fs.readFileSync(path.join(ACCEPTANCE, "public-1-template-form.xlsx")),
        },
        {
          name: "public-2-district-form.xlsx",
          bytes: fs.readFileSync(path.join(ACCEPTANCE, "public-2-district-form.xlsx")),
        },
        { name: "hong.xlsx", bytes: sample.subarray(0, 1500) },
        { name: "mau.xlsx", bytes: (await templateXlsx()).bytes },
      ].map((f) => ({ name: f.name, size: f.bytes.length, modified: AT, bytes: () => f.bytes }));
      const rs = getRuleSet();
      const rollup = await gatherXlsx(inputs, { levels: rs.levels.map((l) => l.id), lang: "vi", ruleset: rs, at: AT });
      const file = path.join(dir, "tong-hop.xlsx");
      fs.writeFileSync(file, (await rollupWorkbook(rollup, rs, "vi", AT)).bytes);
      fs.copyFileSync(file, path.join(ARTIFACTS, "rollup.xlsx"));
      pdf = pdfOf(SOFFICE!, file, dir);
      spawnSync(PDFTOPPM!, ["-r", "60", "-png", pdf, path.join(ARTIFACTS, "rollup-page")]);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("every page A4 landscape and numbered; the four sheets' titles and the signature block printed", () => {
      const info = spawnSync(PDFINFO!, ["-f", "1", "-l", "99", pdf], { encoding: "utf8" }).stdout;
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
        Math.round(+m[1]),
        Math.round(+m[2]),
      ]);
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      for (const s of sizes) expect(s).toEqual([842, 595]);
      const words = wordsOf(PDFTOTEXT!, pdf);
      const pages = sizes.length;
      for (let p = 1; p <= pages; p++)
        expect([
          p,
          words
            .filter((w) => w.page === p)
            .map((w) => w.text)
            .join(" "),
        ]).toEqual([p, expect.stringContaining(`Trang ${p}/`)]);
      const all = words.map((w) => w.text).join(" ");
      for (const s of [
        "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ",
        "SỐ XÃ ĐẠT, KHÔNG ĐẠT",
        "CÁC VẤN ĐỀ VỀ DỮ LIỆU",
        "CÁC TỆP ĐÃ ĐỌC",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Đã có 5/12 tài liệu NTM",
      ])
        expect(all).toContain(s);
    });

    test("no word of one cell drawn over another's", () => {
      expect(
        overlaps(wordsOf(PDFTOTEXT!, pdf)).map(([a, b]) => `page ${a.page}: "${a.text}" over "${b.text}"`),
      ).toEqual([]);
    });

    test("the chart is drawn: its title on the page, and its green and red bars", () => {
      const words = wordsOf(PDFTOTEXT!, pdf);
      const page = words.find((w) => w.text === "SỐ" && words.some((x) => x.page === w.page && x.text === "CHỈ"))!.page;
      const onPage = words
        .filter((w) => w.page === page)
        .map((w) => w.text)
        .join(" ");
      expect(onPage).toContain("Số xã Đạt / Không đạt / Thiếu dữ liệu theo chỉ tiêu");
      const ppm = path.join(dir, "chart");
      spawnSync(PDFTOPPM!, ["-f", String(page), "-l", String(page), "-r", "50", "-singlefile", pdf, ppm]);
      const { rgb } = readPpm(fs.readFileSync(`${ppm}.ppm`));
      const count = (hex: string) => {
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i + 2 < rgb.length; i += 3)
          if (Math.abs(rgb[i] - r) < 12 && Math.abs(rgb[i + 1] - g) < 12 && Math.abs(rgb[i + 2] - b) < 12) n++;
        return n;
      };
      // The series' colours (src/hosts/xlsx/chart.ts): bars, not just the legend's swatches.
      expect(count("6AA84F")).toBeGreaterThan(300);
      expect(count("E06666")).toBeGreaterThan(100);
    });
  },
);
