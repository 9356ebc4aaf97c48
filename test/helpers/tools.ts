/**
 * Chromium and LibreOffice for end-to-end tests: present, or the test is skipped with the command
 * that installs it; with CI=true a missing tool fails instead.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ARTIFACTS = path.join(__dirname, "../../test-artifacts");
fs.mkdirSync(ARTIFACTS, { recursive: true });

export function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const CHROMIUM = process.env.CHROMIUM ?? which("chromium") ?? which("chromium-browser");
export const SOFFICE = which("soffice");
export const PDFTOPPM = which("pdftoppm");
const CI = process.env.CI === "true" || process.env.CI === "1";

/** `describe` when the tool is there; otherwise skipped outside CI (with how to install it) and failing in CI. */
export function describeWith(tool: string | null, install: string, name: string, fn: () => void): void {
  if (tool) return describe(name, fn);
  if (CI) {
    describe(name, () =>
      test(`needs ${install.split(" ").pop()}`, () => {
        throw new Error(`missing in CI; install with: ${install}`);
      }),
    );
    return;
  }
  console.warn(`skipped "${name}": install with: ${install}`);
  describe.skip(name, fn);
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
