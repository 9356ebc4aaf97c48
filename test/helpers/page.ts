/**
 * The browser page (dist/) served from a local server to Debian's Chromium (playwright-core), for
 * the page's end-to-end tests; every request the page makes is recorded, so a test can check that
 * none leaves the local server.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./tools";

const DIST = path.join(__dirname, "../../dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xlsx": "application/octet-stream",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain",
};

export interface PageSession {
  /** The local server's address: http://127.0.0.1:<port>. */
  base: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves dist/ and opens it in Chromium with a fresh profile in `profileDir` (Vietnamese, downloads allowed). */
export async function openPage(profileDir: string): Promise<PageSession> {
  if (!fs.existsSync(path.join(DIST, "index.html")))
    throw new Error("dist/index.html is missing: run npm run build first (npm test does)");
  const server = http.createServer((req, res) => {
    const p = path.join(
      DIST,
      decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/\/$/, "/index.html"),
    );
    if (!p.startsWith(DIST) || !fs.existsSync(p)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": TYPES[path.extname(p)] ?? "application/octet-stream" })
      .end(fs.readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const closeServer = () => new Promise<void>((r) => server.close(() => r()));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM!,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      locale: "vi-VN",
      viewport: { width: 900, height: 1400 },
    });
  } catch (e) {
    await closeServer();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      await closeServer();
    },
  };
}
