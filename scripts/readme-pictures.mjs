// The README's pictures of what TC8 produces, made from the sample so they stay current:
//   npm run pictures   (needs soffice, pdftoppm, pdftotext and Chromium; builds what it uses)
// 1. evaluates examples/huyen-binh-gia.xlsx with the command line into a temporary folder;
// 2. renders the annotated workbook through LibreOffice to PDF, finds the page of each sheet by its
//    text, and turns it into a PNG (pdftoppm), cropped to what holds ink;
// 3. opens the browser page (dist/index.html) in Chromium, evaluates the sample and photographs
//    the task pane with one commune open.
// Pictures go to docs/images/.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "docs/images");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-pictures-"));
fs.mkdirSync(out, { recursive: true });

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

// 1. The annotated sample.
if (!fs.existsSync(path.join(root, "lib/cli/tc8.js"))) run("npm", ["run", "--silent", "build:cli"]);
const annotated = path.join(tmp, "huyen-binh-gia.tc8.xlsx");
run(process.execPath, ["bin/tc8.js", "evaluate", "examples/huyen-binh-gia.xlsx", "-o", annotated]);

// 2. Sheets through LibreOffice. For the picture of the communes table only, a copy shows the
// names, one input column with its marks and TC8's columns on one landscape page (the officials'
// own print setup prints their whole form over many pages).
const view = new ExcelJS.Workbook();
await view.xlsx.readFile(annotated);
for (const ws of view.worksheets) {
  let header = null;
  ws.eachRow((row, r) => row.eachCell((c, col) => c.value === "TC8 NTM" && !header && (header = { r, col })));
  if (!header) continue;
  let nameCol = 0;
  let keep = 0;
  ws.getRow(header.r).eachCell((c, col) => {
    const v = String(c.value ?? "");
    if (/^tên xã$|^xã$/i.test(v.trim())) nameCol = col;
    if (/máy vi tính/i.test(v) && !keep) keep = col;
  });
  for (let col = 1; col < header.col - 5; col++)
    if (col !== nameCol && col !== keep && col !== 1) ws.getColumn(col).hidden = true;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
    printArea: undefined,
  };
}
const viewFile = path.join(tmp, "view.xlsx");
await view.xlsx.writeFile(viewFile);
run("soffice", [
  `-env:UserInstallation=file://${path.join(tmp, "lo")}`,
  "--headless",
  "--convert-to",
  "pdf",
  "--outdir",
  tmp,
  viewFile,
]);
const viewPdf = path.join(tmp, "view.pdf");
run("soffice", [
  `-env:UserInstallation=file://${path.join(tmp, "lo")}`,
  "--headless",
  "--convert-to",
  "pdf",
  "--outdir",
  tmp,
  annotated,
]);
const pdf = annotated.replace(/\.xlsx$/, ".pdf");
const textsOf = (file) => {
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [file]))[1]);
  return Array.from({ length: pages }, (_, i) =>
    run("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", file, "-"]),
  );
};
const texts = { [pdf]: textsOf(pdf), [viewPdf]: textsOf(viewPdf) };

/** The first page whose text matches, rendered at `dpi` and cut to its text (with a margin). */
function picture(name, test, file = pdf, dpi = 110) {
  const i = texts[file].findIndex(test);
  if (i < 0) throw new Error(`no page for ${name}`);
  const base = path.join(tmp, name);
  const boxes = [
    ...run("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-bbox", file, "-"]).matchAll(
      /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g,
    ),
  ];
  const px = (pt) => Math.round((pt * dpi) / 72);
  const x0 = Math.max(0, Math.min(...boxes.map((m) => +m[1])) - 12);
  const y0 = Math.max(0, Math.min(...boxes.map((m) => +m[2])) - 12);
  const x1 = Math.max(...boxes.map((m) => +m[3])) + 12;
  const y1 = Math.max(...boxes.map((m) => +m[4])) + 12;
  const crop = ["-x", String(px(x0)), "-y", String(px(y0)), "-W", String(px(x1 - x0)), "-H", String(px(y1 - y0))];
  run("pdftoppm", [
    "-f",
    String(i + 1),
    "-l",
    String(i + 1),
    "-r",
    String(dpi),
    ...crop,
    "-png",
    "-singlefile",
    file,
    base,
  ]);
  fs.copyFileSync(`${base}.png`, path.join(out, `${name}.png`));
  console.log(`docs/images/${name}.png (page ${i + 1} of ${texts[file].length})`);
}

picture("communes-sheet", (t) => /TC8 NTM/.test(t) && /Giải thích TC8/.test(t), viewPdf, 150);
picture("summary-sheet", (t) => /TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8/.test(t));
picture("checklist-sheet", (t) => /Tài liệu kiểm chứng/.test(t) && /Tình trạng/.test(t));

// 3. The task pane, on the browser page.
const dist = path.join(root, "dist");
if (!fs.existsSync(path.join(dist, "index.html"))) run("npm", ["run", "--silent", "build"]);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xlsx": "application/octet-stream",
  ".xml": "application/xml",
};
const server = http.createServer((req, res) => {
  const p = path.join(
    dist,
    decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/\/$/, "/index.html"),
  );
  if (!p.startsWith(dist) || !fs.existsSync(p)) return res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": types[path.extname(p)] ?? "application/octet-stream" }).end(fs.readFileSync(p));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  const page = await browser.newPage({ locale: "vi-VN", viewport: { width: 420, height: 900 } });
  await page.goto(`${base}/index.html`);
  await page.getByRole("button", { name: "Dùng tệp mẫu" }).click();
  await page.getByRole("button", { name: "Đánh giá", exact: true }).click();
  await page.getByRole("table", { name: "Tổng hợp" }).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: /Xã Mông Ân/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, "task-pane.png") });
  console.log("docs/images/task-pane.png");
} finally {
  await browser.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
