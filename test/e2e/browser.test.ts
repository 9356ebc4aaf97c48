/**
 * The browser page end to end in Debian's Chromium (playwright-core): open the sample, evaluate,
 * read the summary and one commune's explanation on screen, download, check the file's verdict
 * columns with exceljs; and no request leaves the local server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { openPage, type PageSession } from "../helpers/page";
import { ARTIFACTS, CHROMIUM, describeWith } from "../helpers/tools";
import { findCells, under } from "../helpers/xlsx";

jest.setTimeout(180_000);

describeWith(CHROMIUM, "apt-get install -y chromium", "browser page in Chromium", () => {
  let session: PageSession;
  let base: string;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    session = await openPage(fs.mkdtempSync(path.join(os.tmpdir(), "tc8-chromium-")));
    ({ base, page, requests } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("open the sample, evaluate, read the results, download the annotated workbook", async () => {
    await page.goto(`${base}/index.html`);
    await page.getByRole("button", { name: "Dùng tệp mẫu" }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "e2e-before.png"), fullPage: true });
    await page.getByRole("button", { name: "Dùng tệp mẫu" }).click();
    await page.getByText("Đang mở: huyen-binh-gia.xlsx").waitFor();
    await page.getByRole("button", { name: "Đánh giá", exact: true }).click();

    // The summary on screen: communes passing each indicator and level.
    const summary = page.getByRole("table", { name: "Tổng hợp" });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getByRole("row", { name: /^TC8 NTM \d/ }).innerText()).toMatch(/TC8 NTM\s+6\/12/);
    expect(await summary.getByRole("row", { name: /^TC8 NTM nâng cao/ }).innerText()).toMatch(
      /TC8 NTM nâng cao\s+3\/12/,
    );

    // One commune's explanation.
    await page.getByRole("button", { name: /Xã Mông Ân/ }).click();
    const cond = page.getByRole("button", {
      name: "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 8/21 CBCC có máy vi tính = 38%, chưa đạt yêu cầu tối thiểu 50%",
    });
    await cond.waitFor();
    // Where the add-in selects a cell, the page names it.
    await cond.click();
    await page.getByText(/Ô cần xem: sheet "TH TC8 Bình Gia", ô I8/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "e2e-after.png"), fullPage: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "e2e-after-top.png") });

    // The download, read with exceljs.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải xuống" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("huyen-binh-gia.tc8.xlsx");
    const file = path.join(ARTIFACTS, "e2e-download.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(findCells(wb, "TC8 NTM")).toHaveLength(1);
    expect(under(wb, "TH TC8 Bình Gia", "TC8 NTM", "Xã Hoàng Văn Thụ")).toBe("Đạt");
    expect(under(wb, "TH TC8 Bình Gia", "TC8 NTM", "Xã Mông Ân")).toBe("Không đạt");
    expect(under(wb, "TH TC8 Bình Gia", "TC8 NTM", "Xã Quý Hòa")).toBe("Thiếu dữ liệu");
    expect(under(wb, "TH TC8 Bình Gia", "TC8 NC", "Xã Hoa Thám")).toBe("Không đạt");
    expect(wb.getWorksheet("Minh chứng TC8")?.getCell(1 + 12 * 23 + 3, 1).value).toBe("NGƯỜI LẬP BIỂU");
  });

  test("a file opened through the file input is evaluated the same way", async () => {
    await page.goto(`${base}/index.html`);
    await page
      .locator("#file")
      .setInputFiles(path.join(__dirname, "../fixtures/acceptance/public-2-district-form.xlsx"));
    await page.getByText("Đang mở: public-2-district-form.xlsx").waitFor();
    await page.getByRole("button", { name: "Đánh giá", exact: true }).click();
    const summary = page.getByRole("table", { name: "Tổng hợp" });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getByRole("row", { name: /^TC8 NTM \d/ }).innerText()).toMatch(/TC8 NTM\s+3\/5/);
  });

  test("no request goes to any host but the local server", () => {
    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith("blob:") && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
  });
});
