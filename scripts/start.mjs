// npm start: what Office developers expect, and what works on a machine without Excel.
//  1. evaluates the bundled sample workbook with the command line (into out/, kept out of git);
//  2. on Windows and macOS, sideloads the add-in into desktop Excel (office-addin-debugging), which
//     also starts the HTTPS dev server;
//  3. elsewhere, serves the task pane and the browser page over HTTPS on port 3000 and says how to
//     sideload the add-in into Excel on the web.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const port = process.env.PORT || "3000";

fs.mkdirSync("out", { recursive: true });
if (!fs.existsSync("lib/cli/tc8.js"))
  spawnSync("npm", ["run", "--silent", "build:cli"], { stdio: "inherit", shell: process.platform === "win32" });
console.log("== TC8 on the sample workbook (examples/huyen-binh-gia.xlsx)");
const cli = spawnSync(
  process.execPath,
  [
    "bin/tc8.js",
    "evaluate",
    "examples/huyen-binh-gia.xlsx",
    "-o",
    "out/huyen-binh-gia.tc8.xlsx",
    "--json",
    "out/huyen-binh-gia.results.json",
    "--force",
  ],
  { stdio: "inherit" },
);
if (cli.status !== 0) process.exit(cli.status ?? 1);

const desktopExcel =
  (process.platform === "win32" &&
    [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].some(
      (p) => p && fs.existsSync(path.join(p, "Microsoft Office")),
    )) ||
  (process.platform === "darwin" && fs.existsSync("/Applications/Microsoft Excel.app"));

if (desktopExcel && !process.env.TC8_NO_SIDELOAD) {
  console.log("\n== Sideloading TC8 into Excel desktop (office-addin-debugging)");
  const r = spawn(
    npx,
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      port,
    ],
    { stdio: "inherit" },
  );
  r.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log(`
== No desktop Excel here: serving TC8 over HTTPS
  Browser page (no Excel needed):  https://localhost:${port}/index.html
  Task pane for the add-in:        https://localhost:${port}/taskpane.html

  Sideload into Excel on the web: open a workbook in Excel for the web, then
  Home › Add-ins › More add-ins › My add-ins › Upload My Add-in, and choose manifest.xml
  (the browser must trust this server's certificate first: open the task pane URL above once
  and accept it). Stop the server with Ctrl+C.
`);
  const r = spawn(npx, ["webpack", "serve", "--mode", "development"], {
    stdio: "inherit",
    env: { ...process.env, PORT: port },
  });
  r.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => r.kill(sig));
}
