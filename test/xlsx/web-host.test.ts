/**
 * The browser page's host on the package writer: the download keeps a macro workbook's extension,
 * a protection is reported as the add-in reports it, and a file that is no workbook is named.
 */
import { annotatedName, webHost, type WebFile } from "../../src/web/web-host";
import { Package } from "../../src/hosts/xlsx/package";
import { ownFixtures, protectedFixtures } from "../helpers/fixtures";

const events = (got: WebFile[]) => ({ onWorkbook: (f: WebFile) => void got.push(f), onSelect: () => undefined });
const req = { levels: ["ntm", "nc"] as ("ntm" | "nc")[], lang: "vi" as const };

test("the download's name keeps .xlsm", () => {
  expect(annotatedName("so-lieu.xlsx")).toBe("so-lieu.tc8.xlsx");
  expect(annotatedName("so-lieu.xlsm")).toBe("so-lieu.tc8.xlsm");
  expect(annotatedName("so-lieu.tc8.xlsm")).toBe("so-lieu.tc8.xlsm");
});

test("a macro workbook is evaluated with its macros and offered as .tc8.xlsm", async () => {
  const m = (await ownFixtures()).find((f) => f.name === "macros.xlsm")!;
  const got: WebFile[] = [];
  const host = webHost(() => ({ name: "huyen.xlsm", bytes: m.bytes }), events(got), "vi");
  const r = await host.evaluate(req, () => undefined);
  expect(r.refused).toBeUndefined();
  expect(got.map((f) => f.name)).toEqual(["huyen.tc8.xlsm"]);
  expect(new Package(got[0].bytes).has("xl/vbaProject.bin")).toBe(true);
});

test("a protected sheet or workbook structure: refused, nothing offered for download", async () => {
  const { sheet, structure } = await protectedFixtures();
  for (const [bytes, reason] of [
    [sheet, "sheetProtected"],
    [structure, "workbookProtected"],
  ] as const) {
    const got: WebFile[] = [];
    const host = webHost(() => ({ name: "a.xlsx", bytes }), events(got), "vi");
    expect((await host.evaluate(req, () => undefined)).refused?.reason).toBe(reason);
    expect((await host.template()).refused?.reason).toBe(
      reason === "workbookProtected" ? "workbookProtected" : undefined,
    );
    expect(got.length).toBe(reason === "workbookProtected" ? 0 : 1); // the template adds sheets to an unlocked structure
  }
});

test("a file that is no workbook is named, in words", async () => {
  const host = webHost(
    () => ({ name: "so-lieu.csv", bytes: new TextEncoder().encode("Tên xã,Huyện\nXã A,Bình Gia\n") }),
    events([]),
    "vi",
  );
  await expect(host.evaluate(req, () => undefined)).rejects.toThrow(
    /^Không đọc được tệp so-lieu\.csv: đây là tệp văn bản \(\.csv\)/,
  );
});
