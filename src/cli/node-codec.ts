/**
 * The command line's codec: Node's own zlib, the same bytes as fflate's and several times faster,
 * large parts compressed in zlib's thread pool while the rest is written (docs/performance.md).
 * The benchmark installs it too, so its stages run as `tc8 evaluate` does.
 */
import zlib from "node:zlib";
import { useCodec } from "../hosts/xlsx/zip";

export function useNodeCodec(): void {
  useCodec({
    deflate: (data, level) => zlib.deflateRawSync(data, { level }),
    // In zlib's thread pool: a large sheet is compressed on the second core while the next is built.
    deflateAsync: (chunks, level) =>
      new Promise((resolve, reject) => {
        const z = zlib.createDeflateRaw({ level, chunkSize: 1 << 20 });
        const out: Buffer[] = [];
        z.on("data", (c: Buffer) => out.push(c));
        z.on("error", reject);
        z.on("end", () => resolve(Buffer.concat(out)));
        for (const c of chunks) z.write(c);
        z.end();
      }),
    inflate: (raw) => zlib.inflateRawSync(raw),
    ...(typeof zlib.crc32 === "function" ? { crc32: (data: Uint8Array, crc: number) => zlib.crc32(data, crc) } : {}),
  });
}
