/** The value rules of docs/input.md §7: unit-level on each reader, then through a real .xlsx. */
import { field, LS } from "../helpers/fields";
import {
  parseArea,
  parseNumber,
  parseNumberText,
  parseRate,
  parseWebsite,
  parseYesNo,
  readFact,
} from "../../src/core/read/values";
import { communesSheet, cond, runBytes, villagesSheet, xlsx } from "../helpers/xlsx";

const count = { type: "count" as const, units: ["người", "hồ sơ", "thôn"] };
const number = { type: "number" as const, units: ["giờ", "tin"] };

describe("yes / no", () => {
  test.each([
    "có",
    "Có",
    "CÓ",
    "co",
    "x",
    "X",
    "✓",
    "✔",
    "1",
    "TRUE",
    "yes",
    "y",
    "đạt",
    "Đạt",
    "đã có",
    "rồi",
    " có ",
  ])("%p is yes", (v) => {
    expect(parseYesNo(v).value).toBe(true);
  });
  test.each(["không", "Không", "k", "K", "0", "FALSE", "no", "n", "chưa", "chưa có", "không có", "không đạt", "-"])(
    "%p is no",
    (v) => {
      expect(parseYesNo(v).value).toBe(false);
    },
  );
  test("booleans and 1/0 numbers", () => {
    expect(parseYesNo(true).value).toBe(true);
    expect(parseYesNo(0).value).toBe(false);
    expect(parseYesNo(1).value).toBe(true);
  });
  test("anything else is unreadable, with the text in the reason", () => {
    expect(parseYesNo("có lẽ").problem).toEqual({ key: "value.notYesNo", params: { value: "có lẽ" } });
    expect(parseYesNo(2).problem?.key).toBe("value.notYesNo");
  });
  test("invisible control characters (an _x001F_ escape in the file) do not make a cell unreadable", () => {
    expect(readFact(field("radio_station"), "Có\u001F", "'Xã'!E2", null, false).value).toBe(true);
    expect(readFact(field("officials"), "\u000B20", "'Xã'!F2", null, false).value).toBe(20);
  });
  test("a blank is missing, except in a check-mark column where it means no", () => {
    expect(parseYesNo(null)).toEqual({});
    expect(parseYesNo("  ")).toEqual({});
    expect(parseYesNo(null, true)).toEqual({ value: false });
  });
});

describe("numbers", () => {
  test.each([
    ["1.234", true, 1234],
    ["1.234.567", true, 1234567],
    ["4,5", false, 4.5],
    ["4.5", false, 4.5],
    ["1.234,5", false, 1234.5],
    ["1,234.5", false, 1234.5],
    ["1 234", true, 1234],
    ["12", true, 12],
    ["1,234", true, 1234],
  ])("%p (whole: %p) is %p", (s, whole, n) => {
    expect(parseNumberText(s, whole)).toBe(n);
  });
  test("a trailing unit that fits the column is allowed", () => {
    expect(parseNumber("8 giờ", number).value).toBe(8);
    expect(parseNumber("4,5 giờ", number).value).toBe(4.5);
    expect(parseNumber("3 tin", number).value).toBe(3);
    expect(parseNumber("1.200 người", count).value).toBe(1200);
    expect(parseNumber("12 hồ sơ", count).value).toBe(12);
  });
  test("counts are whole and not negative; text that is no number is unreadable", () => {
    expect(parseNumber(-3, count).problem?.key).toBe("value.negative");
    expect(parseNumber("-3", count).problem?.key).toBe("value.negative");
    expect(parseNumber(2.5, count).problem?.key).toBe("value.notWhole");
    expect(parseNumber("nhiều", count).problem).toEqual({ key: "value.notNumber", params: { value: "nhiều" } });
    expect(parseNumber("8 km", number).problem?.key).toBe("value.notNumber");
  });
  test("an error value is unreadable", () => {
    expect(parseNumber({ error: "#DIV/0!" }, count).problem).toEqual({
      key: "value.error",
      params: { value: "#DIV/0!" },
    });
  });
  test("a date is not a count", () => {
    expect(parseNumber(45000, count, "dd/mm/yyyy").problem?.key).toBe("value.date");
    expect(parseNumber(45000, count, "#,##0").value).toBe(45000);
  });
});

describe("rates", () => {
  test("a percent-formatted cell holds a fraction", () => {
    expect(parseRate(0.45, "0%").value).toEqual({ n: 9, d: 20 });
  });
  test("text with % is in percent points", () => {
    expect(parseRate("45%").value).toEqual({ n: 9, d: 20 });
    expect(parseRate("45,5 %").value).toEqual({ n: 91, d: 200 });
  });
  test("a plain number above 1 is percent points, 0–1 a fraction", () => {
    expect(parseRate(45).value).toEqual({ n: 9, d: 20 });
    expect(parseRate(0.45).value).toEqual({ n: 9, d: 20 });
    expect(parseRate(1).value).toEqual({ n: 1, d: 1 });
  });
  test("rates are 0–100 %", () => {
    expect(parseRate(120).problem?.key).toBe("value.rateRange");
    expect(parseRate("-5%").problem).toBeDefined();
  });
});

describe("area and website", () => {
  test.each([
    ["Miền núi", "mien_nui"],
    ["MIỀN NÚI", "mien_nui"],
    ["Vùng đồng bào DTTS và miền núi", "mien_nui"],
    ["Đồng bằng", "dong_bang"],
    ["Các xã còn lại", "dong_bang"],
  ])("%p is %p", (s, a) => {
    expect(parseArea(s, LS.areas).value).toBe(a);
  });
  test("an unknown area is unreadable", () => {
    expect(parseArea("Trung du", LS.areas).problem?.key).toBe("value.notArea");
  });
  test("a website cell: an address or yes means it exists, no means it does not", () => {
    expect(parseWebsite("https://tanthanh.langson.gov.vn").value).toBe("https://tanthanh.langson.gov.vn");
    expect(parseWebsite("Có").value).toBe(true);
    expect(parseWebsite("Chưa có").value).toBe(false);
    expect(parseWebsite(null)).toEqual({});
  });
});

describe("value rules through a workbook", () => {
  test("check-mark columns, text numbers, units, rates and formulas by value", async () => {
    const data = await xlsx([
      communesSheet([
        {
          commune: "Xã A",
          wifi_ubnd: "x",
          wifi_nha_van_hoa: "✓",
          wifi_tram_y_te: null,
          wifi_quality: "x",
          officials: "20 người",
          officials_with_computer: "10",
          working_age: "2.000",
          smartphone_users: "1.000",
          dossiers_total: { formula: "500+500", result: 1000 },
          dossiers_online: { formula: "Q2*0.3", result: 300 },
        },
        { commune: "Xã B", wifi_ubnd: "x", wifi_nha_van_hoa: "x", wifi_tram_y_te: "x", wifi_quality: "x" },
      ]),
    ]);
    const run = await runBytes(data);
    const [a, b] = run.evaluation.communes;
    // Every filled Wi-Fi cell is a check mark: the blank is a no.
    expect(cond(a, "8.5.nc.a.tram_y_te").verdict).toBe("fail");
    expect(cond(b, "8.5.nc.a.tram_y_te").verdict).toBe("pass");
    expect(cond(a, "8.4.a.may_tinh").observed).toEqual({ part: 10, whole: 20, percent: 50 });
    expect(cond(a, "8.2.nc.dttm").observed).toEqual({ part: 1000, whole: 2000, percent: 50 });
    expect(cond(a, "8.4.c.ho_so_truc_tuyen")).toMatchObject({
      verdict: "pass",
      observed: { part: 300, whole: 1000, percent: 30 },
    });
    expect(run.evaluation.problems).toEqual([]);
  });

  test("a rate column stands in for counts, as a percent-formatted cell or as text", async () => {
    const keys = ["commune", "area", "computer_rate", "dossiers_online_rate", "smartphone_rate"];
    const s = communesSheet(
      [{ commune: "Xã A", computer_rate: 0.5, dossiers_online_rate: "29,9%", smartphone_rate: 50 }],
      "Xã",
      keys,
    );
    s.numFmts = { C2: "0%" };
    const run = await runBytes(await xlsx([s]));
    const c = run.evaluation.communes[0];
    expect(cond(c, "8.4.a.may_tinh").verdict).toBe("pass");
    expect(cond(c, "8.4.c.ho_so_truc_tuyen").verdict).toBe("fail");
    expect(cond(c, "8.2.nc.dttm").verdict).toBe("pass");
  });

  test("village flags as check marks: blank means no", async () => {
    const data = await xlsx([
      communesSheet([{ villages_total: null }]),
      villagesSheet([
        { village: "Thôn 1", commune: "Xã Tân Thành", tv: "x" },
        { village: "Thôn 2", commune: "Xã Tân Thành", tv: null },
      ]),
    ]);
    const run = await runBytes(data);
    expect(cond(run.evaluation.communes[0], "8.3.nc.b.truyen_hinh")).toMatchObject({
      verdict: "fail",
      observed: expect.objectContaining({ lacking: ["Thôn 2"] }),
    });
  });
});
