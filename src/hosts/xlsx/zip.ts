/**
 * The zip container of an .xlsx, read and written here so that a part TC8 does not touch is copied
 * as it was, compressed bytes and all (docs/DECISIONS.md, "The .xlsx host patches the package").
 * fflate does the (de)compression; the container's records are simple enough to read directly.
 */
import { deflateSync, Inflate, inflateSync } from "fflate";
import { XlsxError } from "./errors";
import { concatBytes } from "./xml";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  /** The compressed bytes, a view into the archive. */
  raw: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/**
 * Compression and checksums: fflate and the table below everywhere; the command line (Node) hands
 * in zlib's native ones, several times faster on a district's sheets.
 */
export interface Codec {
  deflate(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array, crc: number): number;
  /** A whole entry at once, where a native inflater makes that faster than fflate's streaming one. */
  inflate?(raw: Uint8Array, size: number): Uint8Array;
  /**
   * Compression off the main thread (Node's zlib, in its thread pool): a large part TC8 wrote is
   * compressed while the next one is built (docs/performance.md). Same bytes as `deflate`.
   */
  deflateAsync?(data: readonly Uint8Array[], level: number): Promise<Uint8Array>;
}

const codec: Codec = { deflate: (data, level) => deflateSync(data, { level: level as 1 }), crc32: jsCrc32 };

export function useCodec(c: Partial<Codec>): void {
  Object.assign(codec, c);
}

export function crc32(data: Uint8Array, crc = 0): number {
  return codec.crc32(data, crc);
}

function jsCrc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** The entries of a zip archive, in the order of its central directory. */
export function readZip(data: Uint8Array): ZipEntry[] {
  const damaged = () => new XlsxError("damaged");
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--)
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged();
  let count = u16(data, eocd + 10);
  let cdOffset = u32(data, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(data, eocd - 20) === 0x07064b50) {
    const z = u64(data, eocd - 12);
    if (z + 56 > data.length || u32(data, z) !== 0x06064b50) throw damaged();
    count = u64(data, z + 32);
    cdOffset = u64(data, z + 48);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw damaged();
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    const time = u16(data, p + 12);
    const date = u16(data, p + 14);
    const crc = u32(data, p + 16);
    let compressedSize = u32(data, p + 20);
    let size = u32(data, p + 24);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    let local = u32(data, p + 42);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // Zip64 sizes and offset, in that order, for the fields that overflowed.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(data, e);
      const len = u16(data, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(data, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(data, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(data, q);
      }
      e += 4 + len;
    }
    if (local + 30 > data.length || u32(data, local) !== 0x04034b50) throw damaged();
    const start = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    if (start + compressedSize > data.length) throw damaged();
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      time,
      date,
      raw: data.subarray(start, start + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's bytes, checked against its CRC: a mismatch is a damaged file, never a half-read part. */
export function inflateEntry(e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new XlsxError("damaged");
  let out: Uint8Array;
  try {
    if (e.method === 0) out = e.raw;
    else if (e.method === 8)
      out = codec.inflate ? codec.inflate(e.raw, e.size) : inflateSync(e.raw, { out: new Uint8Array(e.size) });
    else throw new Error("method");
  } catch {
    throw new XlsxError("damaged", { part: e.name });
  }
  if (out.length !== e.size || crc32(out) !== e.crc) throw new XlsxError("damaged", { part: e.name });
  return out;
}

/** Feeds an entry's bytes to `onChunk` piece by piece (a large sheet is never held whole). */
export function streamEntry(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  if (e.flags & 1) throw new XlsxError("damaged");
  const STEP = 1 << 16;
  let crc = 0;
  let size = 0;
  // An error of the consumer (malformed XML) is its own, not the zip's.
  let consumer: unknown;
  const take = (c: Uint8Array) => {
    crc = crc32(c, crc);
    size += c.length;
    try {
      onChunk(c);
    } catch (err) {
      consumer = err;
      throw err;
    }
  };
  if (e.method === 0) for (let i = 0; i < e.raw.length; i += STEP) take(e.raw.subarray(i, i + STEP));
  else if (e.method === 8 && codec.inflate) {
    // Native: inflated whole (a sheet's XML, some tens of MB for a province), then read in steps.
    let data: Uint8Array;
    try {
      data = codec.inflate(e.raw, e.size);
    } catch {
      throw new XlsxError("damaged", { part: e.name });
    }
    for (let i = 0; i < data.length; i += STEP) take(data.subarray(i, i + STEP));
  } else if (e.method === 8) {
    const inf = new Inflate((c) => take(c));
    try {
      for (let i = 0; i < e.raw.length; i += STEP) inf.push(e.raw.subarray(i, i + STEP), i + STEP >= e.raw.length);
      if (e.raw.length === 0) inf.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof XlsxError || err === consumer) throw err;
      throw new XlsxError("damaged", { part: e.name });
    }
  } else throw new XlsxError("damaged", { part: e.name });
  if (size !== e.size || crc !== e.crc) throw new XlsxError("damaged", { part: e.name });
}

/** What goes into the written archive: an entry copied as it was, or new bytes (perhaps compressed already, by `deflateLevel`). */
export type OutEntry =
  | { name: string; copy: ZipEntry }
  | { name: string; data: Uint8Array | readonly Uint8Array[]; deflated?: Uint8Array; time?: number; date?: number };

/**
 * How hard a part is compressed: parts of 1 MB and more (a district's sheets, notes and TC8's
 * checklist) at zlib's fastest level, which makes a 2,000-commune workbook some 9 % larger (5.6
 * against 5.1 MB) for 4-5 % less time (docs/performance.md); smaller parts cost little either way.
 */
export const deflateLevel = (size: number) => (size >= 1 << 20 ? 1 : 6);

/** Whether the codec compresses in the background (the command line's; not the browser page's). */
export const compressesInBackground = () => !!codec.deflateAsync;

/**
 * A part compressed in the background when the codec can (undefined otherwise); what it gives is
 * what writeZip would have made of it.
 */
export function deflateInBackground(data: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array> | undefined {
  const chunks = data instanceof Uint8Array ? [data] : data;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  if (!codec.deflateAsync || size <= 64) return undefined;
  return codec.deflateAsync(chunks, deflateLevel(size));
}

const enc = new TextEncoder();

export function writeZip(entries: readonly OutEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    let method: number, crc: number, csize: number, size: number, time: number, date: number, body: Uint8Array;
    if ("copy" in e) {
      ({ method, crc, compressedSize: csize, size, time, date } = e.copy);
      body = e.copy.raw;
    } else {
      const chunks = e.data instanceof Uint8Array ? [e.data] : e.data;
      crc = 0;
      size = 0;
      for (const c of chunks) {
        crc = crc32(c, crc);
        size += c.length;
      }
      const data = e.deflated || chunks.length === 1 ? chunks[0] : concatBytes(chunks);
      const deflated = e.deflated ?? (size > 64 ? codec.deflate(data, deflateLevel(size)) : data);
      method = size > 64 ? 8 : 0;
      body = deflated;
      csize = body.length;
      time = e.time ?? 0;
      date = e.date ?? 0x21; // 1980-01-01
    }
    const flags = 0x800; // UTF-8 names; sizes are in the headers (no data descriptor)
    const lh = new Uint8Array(30 + name.length);
    const lv = new DataView(lh.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, csize, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lh.set(name, 30);
    const ch = new Uint8Array(46 + name.length);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, csize, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    ch.set(name, 46);
    locals.push(lh, body);
    central.push(ch);
    offset += lh.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...central, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
