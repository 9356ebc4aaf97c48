/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * No condition id in the task pane's text (issue 11): every commune opened, over the sample and the
 * acceptance workbooks, in both languages; conditions are named as the guidance numbers them.
 */
import fs from "node:fs";
import path from "node:path";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { paneResult, type PaneHost } from "../../src/taskpane/host";
import { runEvaluation } from "../../src/core/pipeline";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { allConditions, getRuleSet } from "../../src/core/ruleset";
import { VI } from "../../src/core/i18n/messages.vi";
import type { Grid } from "../../src/core/shared/grid";
import type { Lang } from "../../src/core/ruleset/types";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../..");
const ACCEPTANCE = path.join(ROOT, "test/fixtures/acceptance");
const INPUTS = [
  path.join(ROOT, "examples/huyen-binh-gia.xlsx"),
  ...fs
    .readdirSync(ACCEPTANCE)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(ACCEPTANCE, f)),
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const IDS = [
  ...allConditions(getRuleSet()).map((c) => c.condition.id),
  "tc8.ntm",
  "tc8.nc",
  ...Object.keys(VI).filter((k) => k.includes(".")),
];
const MACHINE_ID = new RegExp(`(${IDS.map(escape).join("|")})|\\b8\\.[1-5]\\.(nc\\.)?[a-zđ]{1,2}\\.[a-z_]+`);

function host(grids: Grid[]): PaneHost {
  return {
    kind: "web",
    evaluate: async (req) => paneResult(runEvaluation(grids, { levels: req.levels, lang: req.lang }), { skipped: [] }),
    clear: async () => ({}),
    template: async () => ({ sheets: [] }),
    select: async () => undefined,
  };
}

/** Every text a reader meets: the page's text, and the titles and labels read aloud or shown on hover. */
function readerText(): string[] {
  const out = [document.body.textContent ?? ""];
  for (const el of Array.from(document.querySelectorAll("[title], [aria-label]")))
    out.push(el.getAttribute("title") ?? "", el.getAttribute("aria-label") ?? "");
  return out;
}

test.each(INPUTS.flatMap((f) => (["vi", "en"] as Lang[]).map((lang) => [path.basename(f), lang, f] as const)))(
  "%s (%s): every commune opened, no id",
  async (_name, lang, file) => {
    const grids = readWorkbookPackage(new Uint8Array(fs.readFileSync(file))).grids;
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host(grids)} lang={lang} />
      </FluentProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: lang === "vi" ? "Đánh giá" : "Evaluate" }));
    });
    const communes = await screen.findByRole("region", { name: lang === "vi" ? "Các xã" : "Communes" });
    const headers = Array.from(communes.querySelectorAll<HTMLButtonElement>("button[aria-expanded]"));
    expect(headers.length).toBeGreaterThan(1);
    for (const h of headers) fireEvent.click(h);
    await waitFor(() => expect(communes.querySelectorAll("li").length).toBeGreaterThan(headers.length));
    const texts = readerText();
    expect(texts.flatMap((t) => (MACHINE_ID.exec(t) ? [MACHINE_ID.exec(t)![0]] : []))).toEqual([]);
    // Conditions are there, named as the guidance numbers them.
    expect(texts[0]).toMatch(lang === "vi" ? /8\.1 NTM, điểm a – / : /8\.1 NTM, point a – /);
    // The sample's Xã Bình La has no area: its panel says the default was used.
    if (file.endsWith("huyen-binh-gia.xlsx"))
      expect(texts[0]).toContain(
        lang === "vi" ? "Chưa ghi khu vực của xã: tính theo miền núi" : "No area given for the commune: mountainous",
      );
  },
);
