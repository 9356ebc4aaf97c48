/**
 * Interoperability: the annotated workbook opened by LibreOffice Calc (headless) still shows the
 * verdicts and the checklist; a page of its PDF is kept as a PNG.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { evaluateXlsx } from "../../src/hosts/xlsx";
import { communesSheet, findCells, loadWorkbook, xlsx } from "../helpers/xlsx";
import { corpusFixtures, ownFixtures } from "../helpers/fixtures";
import { ARTIFACTS, PDFTOPPM, SOFFICE, describeWith } from "../helpers/tools";

jest.setTimeout(240_000);

const SAMPLE = path.join(__dirname, "../../examples/huyen-binh-gia.xlsx");

describeWith(
  SOFFICE,
  "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils",
  "annotated workbook in LibreOffice Calc",
  () => {
    let dir: string;
    let annotated: string;
    const soffice = (...args: string[]) =>
      spawnSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", ...args], {
        encoding: "utf8",
        timeout: 180_000,
      });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-lo-"));
      const r = await evaluateXlsx(fs.readFileSync(SAMPLE));
      annotated = path.join(dir, "huyen-binh-gia.tc8.xlsx");
      fs.writeFileSync(annotated, r.output!);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("CSV of every sheet shows the verdict texts and the checklist", () => {
      // Filter options: comma, quote, UTF-8, from row 1, …, and -1 (the last) for one CSV per sheet.
      const r = soffice(
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        annotated,
      );
      expect(r.status).toBe(0);
      const csv = (sheet: string) => fs.readFileSync(path.join(dir, `huyen-binh-gia.tc8-${sheet}.csv`), "utf8");
      const communes = csv("TH TC8 Bình Gia");
      expect(communes).toContain("TC8 NTM");
      expect(communes).toMatch(/Xã Mông Ân,.*Không đạt/);
      expect(communes).toMatch(/Xã Hoàng Văn Thụ,.*Đạt/);
      expect(communes).toContain(
        "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 8/21 CBCC có máy vi tính = 38%, chưa đạt yêu cầu tối thiểu 50%",
      );
      expect(communes).toContain("Đã có 0/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao");
      const checklist = csv("Minh chứng TC8");
      expect(checklist.split("\n")[0]).toBe(
        'Xã,Cấp,Chỉ tiêu,STT,Tài liệu kiểm chứng,"Đơn vị cung cấp, xác nhận",Tình trạng,"Số, ký hiệu, ngày văn bản",Ghi chú',
      );
      expect(checklist).toContain(
        "Xã Hoàng Văn Thụ,NTM nâng cao,8.5,2,Danh mục các địa điểm có mạng wifi khuyến khích lắp đặt khác.,,Chưa có",
      );
      expect(csv("Tổng hợp TC8")).toContain("TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8");
    });

    test("a workbook saved by LibreOffice (its tables carry no style) is evaluated and written", async () => {
      const s = communesSheet([{ commune: "Xã A" }, { commune: "Xã B", sw_qlvb: "Không" }]);
      const input = path.join(dir, "excel-table.xlsx");
      fs.writeFileSync(input, await xlsx([{ ...s, table: "BangXa" }]));
      fs.mkdirSync(path.join(dir, "lo"), { recursive: true });
      expect(
        soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "lo"), input).status,
      ).toBe(0);
      const r = await evaluateXlsx(fs.readFileSync(path.join(dir, "lo/excel-table.xlsx")));
      expect(r.run.evaluation.communes.map((c) => c.levels.ntm?.verdict)).toEqual(["pass", "fail"]);
      const wb = await loadWorkbook(r.output!);
      expect(findCells(wb, "TC8 NTM")).toHaveLength(1);
    });

    test("every workbook of the corpus, evaluated, opens in LibreOffice and converts to CSV showing the verdicts", async () => {
      // The corpus's protected workbooks are refused (nothing written); the one spanning the whole
      // sheet is converted to .ods, as its CSV would run to column XFD.
      const evaluated = [...(await ownFixtures()), ...corpusFixtures()].filter(
        (f) => (f.manifest?.expect.exit ?? 0) === 0,
      );
      const wide = (f: (typeof evaluated)[number]) => !!f.manifest && "smoke" in f.manifest;
      const fixtures = evaluated.filter((f) => !wide(f));
      const out = path.join(dir, "corpus");
      fs.mkdirSync(out, { recursive: true });
      const files: string[] = [];
      for (const [i, f] of fixtures.entries()) {
        const r = await evaluateXlsx(f.bytes);
        const ext = path.extname(f.name);
        const file = path.join(out, `f${i}${ext}`);
        fs.writeFileSync(file, r.output!);
        files.push(file);
      }
      const r = soffice(
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        out,
        ...files,
      );
      expect(r.status).toBe(0);
      for (const f of evaluated.filter(wide)) {
        const file = path.join(out, "wide.xlsx");
        fs.writeFileSync(file, (await evaluateXlsx(f.bytes)).output!);
        expect(soffice("--convert-to", "ods", "--outdir", out, file).status).toBe(0);
        expect(fs.statSync(path.join(out, "wide.ods")).size).toBeGreaterThan(5_000);
      }
      fixtures.forEach((f, i) => {
        const csvs = fs.readdirSync(out).filter((x) => x.startsWith(`f${i}-`) && x.endsWith(".csv"));
        const all = csvs.map((x) => fs.readFileSync(path.join(out, x), "utf8")).join("\n");
        expect([
          f.name,
          /TC8 NTM/.test(all),
          /,(Đạt|Không đạt|Thiếu dữ liệu)(,|\n|$)/m.test(all),
          csvs.some((x) => x.includes("Minh chứng TC8")),
        ]).toEqual([f.name, true, true, true]);
      });
    });

    test("PDF, with a page rendered to PNG as an artefact", () => {
      const r = soffice("--convert-to", "pdf", "--outdir", dir, annotated);
      expect(r.status).toBe(0);
      const pdf = path.join(dir, "huyen-binh-gia.tc8.pdf");
      expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
      if (!PDFTOPPM) return;
      const png = spawnSync(
        PDFTOPPM,
        ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, path.join(ARTIFACTS, "interop-page")],
        { encoding: "utf8" },
      );
      expect(png.status).toBe(0);
      expect(fs.readdirSync(ARTIFACTS).some((f) => /^interop-page-0*1\.png$/.test(f))).toBe(true);
    });
  },
);
