/** What `npm run build` gives (npm test builds first): the add-in's files, a valid manifest, small bundles. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describeWith, which } from "../helpers/tools";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls } = require("../../scripts/manifest-url.js");

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const read = (f: string) => fs.readFileSync(path.join(DIST, f), "utf8");

describe("dist/", () => {
  test("holds the manifest, the task pane, the commands, the browser page and the icons", () => {
    for (const f of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "notice.html",
      "index.html",
      "web.js",
      "examples/huyen-binh-gia.xlsx",
    ])
      expect([f, fs.existsSync(path.join(DIST, f))]).toEqual([f, true]);
    for (const n of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(DIST, `assets/icon-${n}.png`))).toBe(true);
  });

  test("the task pane loads office.js from Microsoft's CDN and its own script, nothing else; the browser page loads no office.js", () => {
    const srcs = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(srcs(read("taskpane.html"))).toEqual([
      "https://officeapis.public.onecdn.static.microsoft/1/office.js",
      "taskpane.js",
    ]);
    expect(srcs(read("index.html"))).toEqual(["web.js"]);
  });

  test("no bundle holds exceljs: the browser page patches the package with fflate and saxes", () => {
    for (const f of ["taskpane.js", "commands.js", "notice.js", "web.js"])
      expect([f, /exceljs/i.test(read(f))]).toEqual([f, false]);
    // The package host is in the page (its zip reader's checksum table and its messages).
    expect(read("web.js")).toContain("EncryptedPackage");
  });

  test("the manifest's URLs are rewritten for a deployment", () => {
    const m = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const out = rewriteManifestUrls(m, "https://tc8.langson.example/addin/");
    expect(out).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://tc8.langson.example/addin/taskpane.html"/>');
    expect(() => rewriteManifestUrls(m, "http://insecure.example")).toThrow(/https/);
  });
});

describeWith(
  which("xmllint"),
  "apt-get install -y libxml2-utils",
  "manifest validation (offline, Microsoft's schemas)",
  () => {
    test.each(["manifest.xml", "dist/manifest.xml"])("%s validates", (f) => {
      const r = spawnSync("xmllint", ["--noout", "--schema", "schemas/office-manifest/OfficeAppManifestV1_1.xsd", f], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(r.stderr.trim()).toBe(`${f} validates`);
      expect(r.status).toBe(0);
    });

    test("the manifest declares ExcelApi 1.7, ReadWriteDocument, vi-VN with en-US, and the two ribbon buttons", () => {
      const m = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
      expect(m).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
      expect(m).toContain("<Permissions>ReadWriteDocument</Permissions>");
      expect(m).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
      expect(m).toMatch(/DefaultValue="Đánh giá">\s*<bt:Override Locale="en-US" Value="Evaluate"\/>/);
      expect(m).toMatch(/DefaultValue="Bảng TC8">/);
      expect(m).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>evaluate<\/FunctionName>/);
      expect(m).toMatch(/<Action xsi:type="ShowTaskpane">/);
    });
  },
);
