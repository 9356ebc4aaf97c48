/** The rule set against docs/rules.md and against the guidance's own words (docs/source). */
import fs from "node:fs";
import path from "node:path";
import { allConditions, getRuleSet, levelOf } from "../../src/core/ruleset";
import type { Check } from "../../src/core/ruleset/types";
import { field } from "../helpers/fields";

const rs = getRuleSet("langson-2022");

const SPEC_IDS = {
  ntm: {
    "8.1": ["8.1.a.mat_bang", "8.1.a.bien_ten", "8.1.a.niem_yet", "8.1.a.gio_mo_cua", "8.1.b.thu_2kg", "8.1.b.goi_5kg"],
    "8.2": ["8.2.a.thoai", "8.2.a.internet", "8.2.b.qcvn"],
    "8.3": ["8.3.a.dai", "8.3.b.loa", "8.3.c.tiep_song", "8.3.d.tin_bai"],
    "8.4": [
      "8.4.a.may_tinh",
      "8.4.b.qlvb",
      "8.4.b.thu_cong_vu",
      "8.4.b.mot_cua",
      "8.4.b.trang_ttdt",
      "8.4.c.ho_so_truc_tuyen",
    ],
  },
  nc: {
    "8.1": ["8.1.nc.dvc"],
    "8.2": ["8.2.nc.dttm"],
    "8.3": ["8.3.nc.a.loa", "8.3.nc.a.tiep_song", "8.3.nc.a.tin_bai", "8.3.nc.b.truyen_hinh", "8.3.nc.c.xuat_ban_pham"],
    "8.4": [
      "8.4.nc.a.ho_so_truc_tuyen",
      "8.4.nc.b.can_bo_ky_nang_so",
      "8.4.nc.c.nguoi_dan_ky_nang_so",
      "8.4.nc.d.ocop",
      "8.4.nc.dd.dia_chi_so",
      "8.4.nc.khao_sat",
    ],
    "8.5": ["8.5.nc.a.ubnd", "8.5.nc.a.nha_van_hoa", "8.5.nc.a.tram_y_te", "8.5.nc.b.chat_luong"],
  },
} as const;

const EVIDENCE_COUNTS = {
  ntm: { "8.1": 3, "8.2": 1, "8.3": 4, "8.4": 4 },
  nc: { "8.1": 1, "8.2": 1, "8.3": 2, "8.4": 5, "8.5": 2 },
} as const;

// The guidance as text: tags removed, whitespace collapsed, so a rule's words can be found in it.
const source = fs
  .readFileSync(path.join(__dirname, "../../docs/source/huong-dan-tieu-chi-8-lang-son-2022.txt"), "utf8")
  .replace(/<[^>]+>/g, "")
  .replace(/\s+/g, " ");
// The guidance's two typos, corrected in the rule set and recorded in docs/DECISIONS.md: the only
// words that differ from it.
const CORRECTIONS: [typo: string, corrected: string][] = [
  ["nghiệp vụ dung cấp dịch vụ công", "nghiệp vụ cung cấp dịch vụ công"],
  ["quảng bá trên sàn TMĐT: tên sản, đơn vị", "quảng bá trên sàn TMĐT: tên sản phẩm, đơn vị"],
];
const seed = CORRECTIONS.reduce((text, [typo, corrected]) => text.replace(typo, corrected), source);
// A text found whole, or as two runs of the guidance's words joined where its table breaks across
// a page ("Tối thiểu 70% đối với" | "các xã còn lại;"); "…" marks words the rule leaves out.
const found = (piece: string): boolean => {
  if (seed.includes(piece)) return true;
  const words = piece.split(" ");
  for (let i = 3; i <= words.length - 2; i++)
    if (seed.includes(words.slice(0, i).join(" ")) && seed.includes(words.slice(i).join(" "))) return true;
  return false;
};
const inSeed = (text: string) => text.split("…").every((piece) => found(piece.trim().replace(/\s+/g, " ")));

describe("rule set langson-2022 against docs/rules.md", () => {
  for (const [level, indicators] of Object.entries(SPEC_IDS)) {
    for (const [ind, ids] of Object.entries(indicators)) {
      test(`${level} ${ind} has the conditions of docs/rules.md`, () => {
        const def = levelOf(rs, level as "ntm" | "nc").indicators.find((i) => i.id === ind);
        expect(def).toBeDefined();
        const have = def!.conditions.map((c) => c.id);
        for (const id of ids) expect(have).toContain(id);
      });
    }
  }

  test("levels and indicators are exactly those of docs/rules.md", () => {
    expect(rs.levels.map((l) => l.id)).toEqual(["ntm", "nc"]);
    expect(levelOf(rs, "ntm").indicators.map((i) => i.id)).toEqual(["8.1", "8.2", "8.3", "8.4"]);
    expect(levelOf(rs, "nc").indicators.map((i) => i.id)).toEqual(["8.1", "8.2", "8.3", "8.4", "8.5"]);
    expect(levelOf(rs, "nc").prerequisites).toEqual(["ntm"]);
    expect(rs.defaultArea).toBe("mien_nui");
  });

  test.each(
    allConditions(rs).map(
      ({ level, indicator, condition }) => [`${level.id} ${condition.id}`, level, indicator, condition] as const,
    ),
  )("%s has a legal reference and the guidance's own Vietnamese text", (_name, level, indicator, condition) => {
    expect(condition.id.startsWith(indicator.id + ".")).toBe(true);
    expect(condition.legal.annex).toBe(level.id === "ntm" ? "Phụ lục I" : "Phụ lục II");
    expect(condition.legal.document).toMatch(/1127\/QĐ-BTTTT/);
    expect(condition.legal.item).toMatch(new RegExp(`^Chỉ tiêu ${indicator.id.replace(".", "\\.")}`));
    expect(condition.text.length).toBeGreaterThan(10);
    expect(inSeed(condition.text)).toBe(true);
    expect(condition.name.vi && condition.name.en).toBeTruthy();
  });

  test("the two typo corrections are the guidance's typos, recorded, and the rule set carries the corrected words only", () => {
    const decisions = fs.readFileSync(path.join(__dirname, "../../docs/DECISIONS.md"), "utf8");
    const evidence = rs.levels.flatMap((l) => l.indicators.flatMap((i) => i.evidence.map((d) => d.text))).join("\n");
    for (const [typo, corrected] of CORRECTIONS) {
      expect(source).toContain(typo);
      expect(source).not.toContain(corrected);
      expect(evidence).toContain(corrected);
      expect(evidence).not.toContain(typo);
      expect(decisions).toContain(typo);
    }
  });

  test("the guidance's definitions are in the condition texts", () => {
    const text = (id: string) => allConditions(rs).find((c) => c.condition.id === id)!.condition.text;
    expect(text("8.3.nc.c.xuat_ban_pham")).toContain(
      "Được hiểu là điểm đọc và điểm bán các xuất bản phẩm gồm: Thư viện, điểm bán sách, điểm bưu điện văn hóa xã",
    );
    for (const id of ["8.3.d.tin_bai", "8.3.nc.a.tin_bai"])
      expect(text(id)).toContain(
        "Nội dung tin, bài phong phú gồm cả chính trị, thời sự, tuyên truyền chủ trương, chính sách, các hoạt động của xã",
      );
    expect(text("8.4.b.trang_ttdt")).toContain(
      "có chức năng cung cấp thông tin phục vụ công tác quản lý, điều hành và cung cấp dịch vụ công trực tuyến",
    );
    expect(text("8.4.nc.dd.dia_chi_so")).toContain("được thông báo, gắn biển địa chỉ số");
  });

  test("ids are unique", () => {
    const ids = allConditions(rs).map((c) => c.condition.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("indicator titles are the guidance's", () => {
    for (const level of rs.levels) for (const ind of level.indicators) expect(inSeed(ind.title)).toBe(true);
  });

  test("evidence lists have the counts of docs/rules.md §7 and the guidance's words", () => {
    for (const level of rs.levels) {
      const counts = (EVIDENCE_COUNTS as Record<string, Record<string, number>>)[level.id];
      for (const ind of level.indicators) {
        expect([ind.id, ind.evidence.length]).toEqual([ind.id, counts[ind.id]]);
        ind.evidence.forEach((d, i) => {
          expect(d.no).toBe(i + 1);
          expect(inSeed(d.text)).toBe(true);
          if (d.provider) expect(inSeed(d.provider)).toBe(true);
        });
      }
    }
  });

  test("who provides the evidence is there where the guidance says it (docs/rules.md §7)", () => {
    const providers = rs.levels.flatMap((l) => l.indicators.flatMap((i) => i.evidence.map((d) => d.provider)));
    for (const p of [
      "Các tài liệu do điểm phục vụ bưu chính cung cấp",
      "Do điểm phục vụ bưu chính cung cấp",
      "Xã phối hợp với các DN viễn thông cung cấp (có xác nhận của DN viễn thông và xã)",
      "Có xác nhận của Trưởng thôn",
      "Phối hợp Bưu điện huyện để có số liệu",
    ])
      expect(providers).toContain(p);
  });

  test("every fact a check reads is a known input field", () => {
    const factsOf = (c: Check): string[] => {
      switch (c.kind) {
        case "flag":
        case "atLeast":
        case "info":
          return [c.fact];
        case "ratio":
          return [c.part, c.whole, ...(c.rate ? [c.rate] : [])];
        case "villages":
          return [...c.anyOf, c.count];
        case "all":
        case "postalAny":
          return c.of.flatMap(factsOf);
      }
    };
    for (const { condition } of allConditions(rs))
      for (const f of factsOf(condition.check)) expect(() => field(f)).not.toThrow();
  });
});
