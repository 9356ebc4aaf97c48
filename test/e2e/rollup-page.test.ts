/**
 * "Tổng hợp nhiều tệp" on the browser page in Debian's Chromium (playwright-core): pick three
 * files (two communes' workbooks and a damaged one), roll up, see a line per file, download, and
 * the downloaded workbook holds the roll-up's four sheets; no request leaves the local server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { openPage, type PageSession } from "../helpers/page";
import { ARTIFACTS, CHROMIUM, describeWith } from "../helpers/tools";
import { loadWorkbook } from "../helpers/xlsx";

const ACCEPTANCE = path.join(__dirname, "../fixtures/acceptance");
jest.setTimeout(180_000);

describeWith(CHROMIUM, "apt-get install -y chromium", "the roll-up on the browser page in Chromium", () => {
  let session: PageSession | undefined;
  let base: string;
  let page: Page;
  let dir: string;
  let requests: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-rollup-page-"));
    session = await openPage(path.join(dir, "profile"));
    ({ base, page, requests } = session);
  });

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("pick three files, roll up, download: the workbook holds the four sheets", async () => {
    const damaged = path.join(dir, "hong.xlsx");
    fs.writeFileSync(
      damaged,
      fs.readFileSync(path.join(__dirname, "../../examples/huyen-binh-gia.xlsx")).subarray(0, 1500),
    );
    await page.goto(`${base}/index.html`);
    const panel = page.getByRole("region", { name: "Tổng hợp nhiều tệp" });
    await panel.waitFor();
    await page
      .locator("#rollup-files")
      .setInputFiles([
        path.join(ACCEPTANCE, "public-1-template-form.xlsx"),
        path.join(ACCEPTANCE, "public-2-district-form.xlsx"),
        damaged,
      ]);
    await panel.getByText("Đã chọn 3 tệp").waitFor();
    await panel.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const download = panel.getByRole("button", { name: "Tải tệp tổng hợp" });
    await download.waitFor({ timeout: 60_000 });
    // A line per file, as each was done: the damaged one with its reason.
    const items = await panel.getByRole("list", { name: "Các tệp" }).getByRole("listitem").allInnerTexts();
    expect(items).toEqual([
      "public-1-template-form.xlsx: 4 xã",
      "public-2-district-form.xlsx: 5 xã",
      expect.stringMatching(/^hong\.xlsx: Không đọc được: tệp bị hỏng/),
    ]);
    await panel.getByText("Đã tổng hợp: tải tệp tổng hợp về.").waitFor();
    await panel.screenshot({ path: path.join(ARTIFACTS, "e2e-rollup.png") });
    await page.screenshot({ path: path.join(ARTIFACTS, "e2e-rollup-page.png"), fullPage: true });
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toBe("tong-hop-tc8.xlsx");
    const saved = path.join(ARTIFACTS, "e2e-rollup-download.xlsx");
    await file.saveAs(saved);
    const wb = await loadWorkbook(fs.readFileSync(saved));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Theo chỉ tiêu", "Vấn đề dữ liệu", "Tệp"]);
    const files: string[] = [];
    wb.getWorksheet("Tệp")!.eachRow((row) =>
      files.push(
        (row.values as unknown[])
          .filter((v) => v !== undefined && v !== null)
          .map(String)
          .join("|"),
      ),
    );
    expect(files.filter((r) => /\.xlsx\|/.test(r))).toHaveLength(3);
  });

  test("no request goes to any host but the local server", () => {
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
  });
});
