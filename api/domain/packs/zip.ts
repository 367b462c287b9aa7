/**
 * A ZIP writer and reader of our own, so that every byte of an evidence pack is ours to
 * decide: entries in ascending path order, one fixed DOS timestamp, no extra fields, no
 * comments, deflate at a fixed level over fixed-size blocks. The same content therefore
 * always gives the same file, and the writer streams: it holds one block of one entry at a
 * time, never the archive. Plain Web APIs only, so it runs on Node and on Workers.
 *
 * No ZIP64: an archive over 4 GB or 65 535 entries is refused with a clear message.
 */
import { Deflate, Inflate, deflateSync } from "fflate";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

const LEVEL = 6;
/** Input is cut into blocks of this size before deflating, so output never depends on how a producer chunks its data. */
const BLOCK = 64 * 1024;
const MAX_U32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION = 20; // 2.0: deflate, no ZIP64
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;

const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class ZipFormatError extends Error {}

/** MS-DOS date and time fields (local time without zone, two-second resolution) of a UTC instant. */
export function dosStamp(at: Date): { date: number; time: number } {
  const year = at.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new ZipFormatError("Een ZIP-tijdstempel ligt tussen 1980 en 2107.");
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
  };
}

export interface WrittenEntry {
  path: string;
  size: number;
  compressedSize: number;
  crc: number;
  sha256: string;
}

interface Central extends WrittenEntry {
  flags: number;
  offset: number;
  name: Uint8Array;
}

export type Sink = (chunk: Uint8Array) => void | Promise<void>;
export type Content = Uint8Array | string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const encoder = new TextEncoder();
const bytesOf = (c: Uint8Array | string) => (typeof c === "string" ? encoder.encode(c) : c);

class Bytes {
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }
  u16(v: number) {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
    return this;
  }
  u32(v: number) {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
    return this;
  }
  raw(b: Uint8Array) {
    this.buf.set(b, this.at);
    this.at += b.length;
    return this;
  }
  done() {
    return this.buf;
  }
}

/** Cuts a stream of chunks into blocks of exactly BLOCK bytes (the last one shorter). */
async function* blocks(content: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  let pending = new Uint8Array(BLOCK);
  let filled = 0;
  for await (const piece of content) {
    let chunk = bytesOf(piece);
    while (chunk.length) {
      const take = Math.min(BLOCK - filled, chunk.length);
      pending.set(chunk.subarray(0, take), filled);
      filled += take;
      chunk = chunk.subarray(take);
      if (filled === BLOCK) {
        yield pending;
        pending = new Uint8Array(BLOCK);
        filled = 0;
      }
    }
  }
  if (filled) yield pending.subarray(0, filled);
}

function tooLarge(): never {
  throw new ZipFormatError(
    "Het bewijspakket wordt groter dan 4 GB of telt meer dan 65.535 bestanden; kies een kortere periode of minder paragrafen.",
  );
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Central[] = [];
  private last: string | null = null;
  private readonly date: number;
  private readonly time: number;

  constructor(
    private readonly sink: Sink,
    stamp: Date,
  ) {
    ({ date: this.date, time: this.time } = dosStamp(stamp));
  }

  get bytesWritten() {
    return this.offset;
  }

  private async emit(chunk: Uint8Array) {
    if (!chunk.length) return;
    this.offset += chunk.length;
    if (this.offset > MAX_U32) tooLarge();
    await this.sink(chunk);
  }

  /** Paths must come in strictly ascending order: that is what makes two exports byte-identical. */
  private claim(path: string) {
    if (!path || path.startsWith("/") || path.includes("\\") || path.split("/").some((p) => p === "" || p === "." || p === "..")) {
      throw new ZipFormatError(`Ongeldig pad in het pakket: '${path}'.`);
    }
    if (this.last !== null && !(path > this.last))
      throw new ZipFormatError(`Bestanden niet in oplopende volgorde: '${path}' na '${this.last}'.`);
    if (this.central.length >= MAX_ENTRIES) tooLarge();
    this.last = path;
    return encoder.encode(path);
  }

  private localHeader(name: Uint8Array, flags: number, crc: number, compressed: number, size: number) {
    return new Bytes(30 + name.length)
      .u32(SIG_LOCAL)
      .u16(VERSION)
      .u16(flags)
      .u16(METHOD_DEFLATE)
      .u16(this.time)
      .u16(this.date)
      .u32(crc)
      .u32(compressed)
      .u32(size)
      .u16(name.length)
      .u16(0)
      .raw(name)
      .done();
  }

  /** Whatever the content, a chunk at a time; sizes and CRC follow in a data descriptor. */
  async add(path: string, content: Content): Promise<WrittenEntry> {
    if (content instanceof Uint8Array || typeof content === "string") return this.addBytes(path, bytesOf(content));
    const name = this.claim(path);
    const offset = this.offset;
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    await this.emit(this.localHeader(name, flags, 0, 0, 0));
    const hash = new SHA256();
    let crc = 0,
      size = 0,
      compressed = 0;
    let out: Uint8Array[] = [];
    const deflate = new Deflate({ level: LEVEL }, (data) => {
      out.push(data);
    });
    const drain = async () => {
      const ready = out;
      out = [];
      for (const d of ready) {
        compressed += d.length;
        await this.emit(d);
      }
    };
    for await (const block of blocks(content)) {
      crc = crc32(block, crc);
      hash.update(block);
      size += block.length;
      if (size > MAX_U32) tooLarge();
      deflate.push(block);
      await drain();
    }
    deflate.push(new Uint8Array(0), true);
    await drain();
    await this.emit(new Bytes(16).u32(SIG_DESCRIPTOR).u32(crc).u32(compressed).u32(size).done());
    const entry = { path, size, compressedSize: compressed, crc, sha256: encodeHexLowerCase(hash.digest()) };
    this.central.push({ ...entry, flags, offset, name });
    return entry;
  }

  /** Content already in memory: sizes and CRC go in the local header, as most readers like best. */
  async addBytes(path: string, data: Uint8Array): Promise<WrittenEntry> {
    const name = this.claim(path);
    const offset = this.offset;
    const crc = crc32(data);
    const packed = deflateSync(data, { level: LEVEL });
    const hash = new SHA256();
    hash.update(data);
    await this.emit(this.localHeader(name, FLAG_UTF8, crc, packed.length, data.length));
    await this.emit(packed);
    const entry = { path, size: data.length, compressedSize: packed.length, crc, sha256: encodeHexLowerCase(hash.digest()) };
    this.central.push({ ...entry, flags: FLAG_UTF8, offset, name });
    return entry;
  }

  /** The central directory and its end record; the archive is complete after this. */
  async finish(): Promise<{ entries: number; bytes: number }> {
    const start = this.offset;
    for (const e of this.central) {
      await this.emit(
        new Bytes(46 + e.name.length)
          .u32(SIG_CENTRAL)
          .u16(VERSION)
          .u16(VERSION)
          .u16(e.flags)
          .u16(METHOD_DEFLATE)
          .u16(this.time)
          .u16(this.date)
          .u32(e.crc)
          .u32(e.compressedSize)
          .u32(e.size)
          .u16(e.name.length)
          .u16(0)
          .u16(0)
          .u16(0)
          .u16(0)
          .u32(0)
          .u32(e.offset)
          .raw(e.name)
          .done(),
      );
    }
    const size = this.offset - start;
    await this.emit(
      new Bytes(22).u32(SIG_END).u16(0).u16(0).u16(this.central.length).u16(this.central.length).u32(size).u32(start).u16(0).done(),
    );
    return { entries: this.central.length, bytes: this.offset };
  }
}

// ---- reading ------------------------------------------------------------------------------

/** Random access to an archive: a file on disk, or bytes in memory in tests. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function memorySource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface ZipEntry {
  path: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const decoder = new TextDecoder("utf-8", { fatal: false });

function view(b: Uint8Array) {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** The entries as the central directory lists them. */
export async function listZip(src: ZipSource): Promise<ZipEntry[]> {
  const tail = Math.min(src.size, 22 + 0xffff);
  const end = await src.read(src.size - tail, tail);
  let at = -1;
  for (let i = end.length - 22; i >= 0; i--)
    if (view(end).getUint32(i, true) === SIG_END) {
      at = i;
      break;
    }
  if (at < 0) throw new ZipFormatError("Geen geldig ZIP-bestand: de centrale map ontbreekt.");
  const e = view(end);
  const count = e.getUint16(at + 10, true),
    dirSize = e.getUint32(at + 12, true),
    dirOffset = e.getUint32(at + 16, true);
  if (dirOffset + dirSize > src.size) throw new ZipFormatError("Geen geldig ZIP-bestand: de centrale map valt buiten het bestand.");
  const dir = await src.read(dirOffset, dirSize);
  const d = view(dir);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || d.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipFormatError("Geen geldig ZIP-bestand: de centrale map is beschadigd.");
    const nameLength = d.getUint16(p + 28, true),
      extra = d.getUint16(p + 30, true),
      comment = d.getUint16(p + 32, true);
    entries.push({
      path: decoder.decode(dir.subarray(p + 46, p + 46 + nameLength)),
      flags: d.getUint16(p + 8, true),
      method: d.getUint16(p + 10, true),
      crc: d.getUint32(p + 16, true),
      compressedSize: d.getUint32(p + 20, true),
      size: d.getUint32(p + 24, true),
      offset: d.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The uncompressed content of one entry, a chunk at a time; a CRC or size mismatch throws. */
export async function* readEntry(src: ZipSource, entry: ZipEntry): AsyncIterable<Uint8Array> {
  const head = await src.read(entry.offset, 30);
  if (head.length < 30 || view(head).getUint32(0, true) !== SIG_LOCAL) throw new ZipFormatError(`'${entry.path}': lokale kop ontbreekt.`);
  const start = entry.offset + 30 + view(head).getUint16(26, true) + view(head).getUint16(28, true);
  if (start + entry.compressedSize > src.size) throw new ZipFormatError(`'${entry.path}': inhoud valt buiten het bestand.`);
  if (entry.method !== METHOD_DEFLATE && entry.method !== METHOD_STORE)
    throw new ZipFormatError(`'${entry.path}': onbekende compressiemethode ${entry.method}.`);
  let crc = 0,
    size = 0;
  let out: Uint8Array[] = [];
  const inflate =
    entry.method === METHOD_DEFLATE
      ? new Inflate((data) => {
          out.push(data);
        })
      : null;
  const take = (data: Uint8Array) => {
    crc = crc32(data, crc);
    size += data.length;
  };
  for (let at = 0; at < entry.compressedSize || (at === 0 && entry.compressedSize === 0); at += BLOCK) {
    const length = Math.min(BLOCK, entry.compressedSize - at);
    const chunk = length > 0 ? await src.read(start + at, length) : new Uint8Array(0);
    const final = at + length >= entry.compressedSize;
    if (inflate) {
      try {
        inflate.push(chunk, final);
      } catch {
        throw new ZipFormatError(`'${entry.path}': de gecomprimeerde inhoud is beschadigd.`);
      }
    } else out.push(chunk);
    const ready = out;
    out = [];
    for (const data of ready) {
      take(data);
      yield data;
    }
    if (final) break;
  }
  if (crc !== entry.crc || size !== entry.size) throw new ZipFormatError(`'${entry.path}': controlegetal (CRC) of grootte klopt niet.`);
}

export async function readEntryBytes(src: ZipSource, entry: ZipEntry): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of readEntry(src, entry)) parts.push(p);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
