/**
 * JSON with the place of each value: a rule set's problems name where they are in the file, as a JSON
 * pointer and a line:column a reviewer can open (docs/rules.md, "Checking a file").
 */
export interface Place {
  line: number;
  column: number;
}

export type ParsedJson =
  | { ok: true; value: unknown; places: ReadonlyMap<string, Place> }
  | { ok: false; message: string; place: Place };

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Parses JSON text, recording the line:column where each value starts, by JSON pointer ("" is the whole). */
export function parseJsonWithPlaces(text: string): ParsedJson {
  const places = new Map<string, Place>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Place => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { place: here() });
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === "\n") {
        line++;
        i++;
        lineStart = i;
      } else if (c === " " || c === "\t" || c === "\r" || c === "\uFEFF") i++;
      else return;
    }
  };
  const value = (ptr: string): unknown => {
    ws();
    places.set(ptr, here());
    const c = text[i];
    if (c === "{") {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (text[i] === "}") {
        i++;
        return o;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a property name in double quotes");
        const k = str();
        ws();
        if (text[i] !== ":") fail('expected ":"');
        i++;
        o[k] = value(`${ptr}/${escapePointer(k)}`);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return o;
        } else fail('expected "," or "}"');
      }
    }
    if (c === "[") {
      i++;
      const a: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return a;
      }
      for (;;) {
        a.push(value(`${ptr}/${a.length}`));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return a;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail("unexpected character");
    i += m![0].length;
    return JSON.parse(m![0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === "\n") fail("unterminated string");
      if (c === "\\") i += 2;
      else if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      } else i++;
    }
  };
  try {
    const v = value("");
    ws();
    if (i < text.length) fail("unexpected text after the end");
    return { ok: true, value: v, places };
  } catch (e) {
    const err = e as Error & { place?: Place };
    return { ok: false, message: err.message, place: err.place ?? here() };
  }
}
