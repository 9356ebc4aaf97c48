/** Short texts TC8 writes in several places: the evidence held per level, the time of an evaluation. */
import type { CommuneResult, LevelResult } from "../engine/types";
import type { Lang, RuleSet } from "../ruleset/types";

export const EVIDENCE_TEXT = {
  vi: (parts: string[]) => `Đã có ${parts.join("; ")}`,
  en: (parts: string[]) => `Has ${parts.join("; ")}`,
  part: {
    vi: (done: number, total: number, level: string) => `${done}/${total} tài liệu ${level}`,
    en: (done: number, total: number, level: string) => `${done}/${total} ${level} documents`,
  },
};

/** The evidence documents at hand per level: "Đã có 7/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao". */
export function evidenceText(c: CommuneResult, lang: Lang, rs: RuleSet): string {
  const parts = (Object.values(c.levels) as LevelResult[]).map((lv) =>
    EVIDENCE_TEXT.part[lang](lv.evidence.done, lv.evidence.total, rs.levels.find((l) => l.id === lv.level)!.name[lang]),
  );
  return EVIDENCE_TEXT[lang](parts);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatTime(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
