import { EN } from "./messages.en";
import { VI } from "./messages.vi";
import { Formatter, type Msg, type Template } from "./format";
import type { Lang } from "../ruleset/types";

export * from "./format";
export type { MessageKey } from "./messages.vi";

const TEMPLATES: Record<Lang, Readonly<Record<string, Template>>> = { vi: VI, en: EN };
const FORMATTERS: Record<Lang, Formatter> = {
  vi: new Formatter("vi", TEMPLATES.vi),
  en: new Formatter("en", TEMPLATES.en),
};

export function formatter(lang: Lang): Formatter {
  return FORMATTERS[lang];
}

/** A message in the given language. */
export function render(m: Msg, lang: Lang): string {
  return FORMATTERS[lang].msg(m);
}
