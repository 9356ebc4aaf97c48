/**
 * The pages' Content-Security-Policy (docs/DECISIONS.md) and what it relies on, in `dist/` as built
 * (`npm test` builds first): scripts from the add-in's own origin and office.js's CDN only (the
 * browser page: its own origin only, and no connection anywhere else), and no code in the bundles
 * calling eval, Function or a timer with a string.
 */
import fs from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import * as walk from "acorn-walk";

const DIST = path.join(__dirname, "../../dist");
const read = (f: string) => fs.readFileSync(path.join(DIST, f), "utf8");
const OFFICE_JS = ["https://officeapis.public.onecdn.static.microsoft", "https://appsforoffice.microsoft.com"];

function policy(html: string): Map<string, string[]> {
  const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(head);
  if (!m) throw new Error("no Content-Security-Policy");
  // Before any script: a policy applies to what comes after it.
  expect(head.indexOf(m[0])).toBeLessThan(
    head.search(/<script|<link/) === -1 ? Infinity : head.search(/<script|<link/),
  );
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

const scripts = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);

describe.each(["taskpane.html", "commands.html", "notice.html"])("%s", (page) => {
  test("allows scripts from the add-in and office.js's CDN only, no eval, no inline script; connections to the add-in and office.js's telemetry", () => {
    const html = read(page);
    const csp = policy(html);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", ...OFFICE_JS]);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://*.pipe.aria.microsoft.com"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    for (const s of scripts(html))
      expect([s, /^https:/.test(s) ? OFFICE_JS.includes(new URL(s).origin) : !s.includes(":")]).toEqual([s, true]);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});

test("the browser page allows its own scripts and connections only", () => {
  const html = read("index.html");
  const csp = policy(html);
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(scripts(html).every((s) => !s.includes(":"))).toBe(true);
});

test.each(["taskpane.js", "commands.js", "notice.js", "web.js"])(
  "no code in %s calls eval, Function or a timer with a string",
  (bundle) => {
    const src = read(bundle);
    const ast = acorn.parse(src, { ecmaVersion: "latest", sourceType: "script" });
    const calls: string[] = [];
    type Node = acorn.Node & {
      type: string;
      name?: string;
      computed?: boolean;
      property?: Node & { value?: unknown };
      expressions?: Node[];
      callee?: Node;
      arguments?: Node[];
    };
    const name = (n: Node): string | undefined =>
      n.type === "Identifier"
        ? n.name
        : n.type === "MemberExpression"
          ? n.computed
            ? String(n.property?.value)
            : n.property?.name
          : n.type === "SequenceExpression"
            ? name(n.expressions![n.expressions!.length - 1])
            : undefined;
    const at = (n: Node) => src.slice(Math.max(0, n.start - 40), n.start + 60);
    walk.simple(ast, {
      CallExpression(node) {
        const n = node as unknown as Node;
        const c = name(n.callee!);
        if (c === "eval" || c === "Function") calls.push(`${c}(…): ${at(n)}`);
        if (
          (c === "setTimeout" || c === "setInterval") &&
          ["Literal", "TemplateLiteral"].includes(n.arguments?.[0]?.type ?? "")
        )
          calls.push(`${c}("…"): ${at(n)}`);
      },
      NewExpression(node) {
        const n = node as unknown as Node;
        if (name(n.callee!) === "Function") calls.push(`new Function(…): ${at(n)}`);
      },
    });
    expect(calls).toEqual([]);
  },
);
