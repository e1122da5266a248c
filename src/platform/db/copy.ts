/**
 * Bulk writes through PostgreSQL's COPY (text format), streamed with back-pressure: the
 * imports write at disk speed instead of statement by statement. Runs on the caller's
 * transaction client: a failure (a constraint, a bad value) aborts the whole COPY, and the
 * transaction with it — nothing half-written.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { randomFillSync } from 'node:crypto';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './pool';

export type CopyValue = string | number | boolean | Date | null | undefined | object;

/** One value in COPY text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = v.toISOString();
  else s = JSON.stringify(v); // jsonb / json columns
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/**
 * A text[] value for COPY: the array literal `{"a","b"}` (each element quoted, `"` and `\`
 * escaped), which copyText then escapes for the COPY stream like any other text.
 */
export function pgTextArray(list: readonly string[]): string {
  return `{${list.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
};

/**
 * COPY `rows` (arrays in `columns` order) into `table`. Rows are turned into text lazily, a
 * chunk at a time, so memory does not grow with the count. Resolves with the rows written.
 */
export async function copyRows(t: Tx, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`COPY ${table}: a row has ${row.length} values for ${columns.length} columns`);
      count++;
      yield row.map(copyText).join('\t') + '\n';
    }
  }
  await copyLines(t, table, columns, lines());
  return count;
}

/**
 * COPY lines already in COPY text format (values escaped with copyText, joined by tabs, each
 * line ending with a newline) into `table`. For imports that write the same fixed values on
 * every row or build a value's text themselves (the survey answers' JSON): no array, no
 * value-by-value conversion per row. Lines are gathered into 64 kB chunks, pulled as the
 * server takes them (back-pressure): while PostgreSQL parses one chunk, the caller's
 * generator prepares the next, on the other core.
 */
export async function copyLines(t: Tx, table: string, columns: string[], lines: Iterable<string>): Promise<void> {
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  const stream = t.query(copyFrom(sql));
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), stream);
}

const CHUNK = 1 << 16;
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TEXT_OID = 25;
const RANGE_LB_INC = 0x02;
const HEX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rows in COPY's binary format, written straight into buffers: the server reads uuids,
 * integers, booleans and timestamps as bytes instead of parsing their text (about a third
 * of the server's work for the survey answers' fixed columns), and text needs no escaping.
 * Each row is `row(n)` then exactly n values, in the COPY's column order.
 */
export class BinaryRows {
  private buf = Buffer.allocUnsafe(CHUNK * 2);
  private pos = 0;
  private readonly full: Buffer[] = [];

  constructor() {
    this.pos = this.buf.write('PGCOPY\n\xff\r\n\0', 0, 'latin1');
    this.buf.writeInt32BE(0, this.pos); // flags
    this.buf.writeInt32BE(0, this.pos + 4); // header extension length
    this.pos += 8;
  }

  /** The bytes of some values, to write again and again with `bytes` (the same fixed columns on every row). */
  static encode(write: (w: BinaryRows) => void): Buffer {
    const w = new BinaryRows();
    const start = w.pos;
    write(w);
    return Buffer.from(w.buf.subarray(start, w.pos));
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK * 2, n));
    this.pos = 0;
  }

  row(fields: number): this {
    this.room(2);
    this.buf.writeInt16BE(fields, this.pos);
    this.pos += 2;
    return this;
  }

  null(): this {
    this.room(4);
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
    return this;
  }

  /** Bytes from `encode`: whole values, lengths included. */
  bytes(b: Buffer): this {
    this.room(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
    return this;
  }

  /** A text, varchar, json (its text) or jsonb-free value; null as NULL. */
  text(s: string | null | undefined): this {
    if (s === null || s === undefined) return this.null();
    this.room(4 + s.length * 3);
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
    return this;
  }

  /**
   * A text or json value that writes its own bytes (at most `most` of them): `write(buf, at,
   * arg)` returns where it ended. For a value made from parts already encoded (the survey
   * answers' JSON): no string is built, nothing is encoded again.
   */
  written<T>(most: number, write: (buf: Buffer, at: number, arg: T) => number, arg: T): this {
    this.room(4 + most);
    const end = write(this.buf, this.pos + 4, arg);
    if (end - this.pos - 4 > most) throw new Error(`a value wrote ${end - this.pos - 4} bytes for ${most} at most`);
    this.buf.writeInt32BE(end - this.pos - 4, this.pos);
    this.pos = end;
    return this;
  }

  uuid(u: string | null): this {
    if (u === null) return this.null();
    if (!HEX.test(u)) throw new Error(`not a uuid: ${u}`);
    this.room(20);
    this.buf.writeInt32BE(16, this.pos);
    this.buf.write(u.replace(/-/g, ''), this.pos + 4, 'hex');
    this.pos += 20;
    return this;
  }

  /** A uuid given as its 16 bytes. */
  uuidBytes(b: Uint8Array): this {
    this.room(20);
    this.buf.writeInt32BE(16, this.pos);
    this.buf.set(b.subarray(0, 16), this.pos + 4);
    this.pos += 20;
    return this;
  }

  int4(n: number): this {
    this.room(8);
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(n, this.pos + 4);
    this.pos += 8;
    return this;
  }

  bool(b: boolean | null): this {
    if (b === null) return this.null();
    this.room(5);
    this.buf.writeInt32BE(1, this.pos);
    this.buf[this.pos + 4] = b ? 1 : 0;
    this.pos += 5;
    return this;
  }

  /** Microseconds since 2000-01-01 UTC, as the server keeps them. */
  timestamptz(d: Date | null): this {
    if (d === null) return this.null();
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeBigInt64BE(BigInt(d.getTime() - PG_EPOCH_MS) * 1000n, this.pos + 4);
    this.pos += 12;
    return this;
  }

  float8(n: number | null): this {
    if (n === null) return this.null();
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeDoubleBE(n, this.pos + 4);
    this.pos += 12;
    return this;
  }

  int8(n: number | null): this {
    if (n === null) return this.null();
    if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeBigInt64BE(BigInt(n), this.pos + 4);
    this.pos += 12;
    return this;
  }

  /** A calendar date written `YYYY-MM-DD`, as days since 2000-01-01. */
  date(iso: string | null): this {
    if (iso === null) return this.null();
    const m = ISO_DATE.exec(iso);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    if (!m || new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not a date: ${iso}`);
    this.room(8);
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE((ms - PG_EPOCH_MS) / 86_400_000, this.pos + 4);
    this.pos += 8;
    return this;
  }

  /** A jsonb value from its JSON text (the server still parses it: format version 1, then the text). */
  jsonb(json: string | null): this {
    if (json === null) return this.null();
    this.room(5 + json.length * 3);
    this.buf[this.pos + 4] = 1;
    const n = this.buf.write(json, this.pos + 5, 'utf8');
    this.buf.writeInt32BE(n + 1, this.pos);
    this.pos += 5 + n;
    return this;
  }

  /** A one-dimension text[] (no null element); an empty list as the empty array. */
  textArray(list: readonly string[] | null): this {
    if (list === null) return this.null();
    // Room for the whole value at once: its length is written before it, in the same buffer.
    let most = 28;
    for (const x of list) most += 4 + x.length * 3;
    this.room(most);
    const lengthAt = this.pos;
    this.buf.writeInt32BE(list.length ? 1 : 0, this.pos + 4); // dimensions
    this.buf.writeInt32BE(0, this.pos + 8); // no null element
    this.buf.writeUInt32BE(TEXT_OID, this.pos + 12);
    this.pos += 16;
    if (list.length) {
      this.buf.writeInt32BE(list.length, this.pos);
      this.buf.writeInt32BE(1, this.pos + 4); // lower bound
      this.pos += 8;
    }
    for (const x of list) this.text(x);
    this.buf.writeInt32BE(this.pos - lengthAt - 4, lengthAt);
    return this;
  }

  /** An int4multirange of `[lower, upper)` ranges (ascending, apart), as the server sends it. */
  int4multirange(ranges: readonly (readonly [number, number])[] | null): this {
    if (ranges === null) return this.null();
    this.room(8 + ranges.length * 21);
    this.buf.writeInt32BE(4 + ranges.length * 21, this.pos);
    this.buf.writeInt32BE(ranges.length, this.pos + 4);
    this.pos += 8;
    for (const [lower, upper] of ranges) {
      this.buf.writeInt32BE(17, this.pos);
      this.buf[this.pos + 4] = RANGE_LB_INC;
      this.buf.writeInt32BE(4, this.pos + 5);
      this.buf.writeInt32BE(lower, this.pos + 9);
      this.buf.writeInt32BE(4, this.pos + 13);
      this.buf.writeInt32BE(upper, this.pos + 17);
      this.pos += 21;
    }
    return this;
  }

  /** The buffers filled so far, when there are at least `min` bytes of them (then they are the caller's). */
  take(min = CHUNK): Buffer[] {
    const size = this.full.reduce((n, b) => n + b.length, 0) + this.pos;
    if (size < min) return [];
    const out = [...this.full.splice(0), this.buf.subarray(0, this.pos)];
    this.buf = Buffer.allocUnsafe(CHUNK * 2);
    this.pos = 0;
    return out;
  }

  /** The trailer, and every byte not taken yet. */
  end(): Buffer[] {
    this.room(2);
    this.buf.writeInt16BE(-1, this.pos);
    this.pos += 2;
    return this.take(0);
  }
}

/**
 * COPY `rows` into `table` in binary format, each row written by `write` (one `w.row(n)`,
 * then its n values in `columns` order). Rows are encoded as the server takes them
 * (back-pressure): while PostgreSQL stores one chunk, the caller's rows for the next are
 * being made, on the other core. Resolves with the rows written.
 *
 * `statementRows`: the rows go as several COPY statements of that many rows, on the same
 * transaction (same guarantees: a failure in any aborts the transaction). PostgreSQL runs a
 * COPY's foreign-key checks (after-row triggers) once its last row is in, with the client
 * waiting; in statements, the client encodes the next statement's rows meanwhile (`ahead`,
 * a slice at a time), so only the last statement's checks run alone.
 */
export async function copyBinary<R>(
  t: Tx,
  table: string,
  columns: string[],
  rows: Iterable<R>,
  write: (w: BinaryRows, row: R) => void,
  opts: { statementRows?: number } = {},
): Promise<number> {
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN (FORMAT binary)`;
  const per = opts.statementRows ?? Infinity;
  const it = rows[Symbol.iterator]();
  let count = 0;
  let exhausted = false;
  /** Encodes the next row into `w`; false when there is none. */
  const next = (w: BinaryRows): boolean => {
    if (exhausted) return false;
    const r = it.next();
    if (r.done) {
      exhausted = true;
      return false;
    }
    write(w, r.value);
    count++;
    return true;
  };
  // The rows of the statement being prepared: encoded ahead, then the rest as the server takes them.
  let w = new BinaryRows();
  let inStatement = 0;
  let inFlight: Promise<void> | null = null;
  try {
    for (;;) {
      if (inStatement === 0 && !next(w)) break;
      if (inStatement === 0) inStatement = 1;
      const mine = w;
      let fed!: () => void;
      const allFed = new Promise<void>((resolve) => (fed = resolve));
      const chunks = function* (): Generator<Buffer> {
        while (inStatement < per && next(mine)) {
          inStatement++;
          yield* mine.take();
        }
        yield* mine.end();
        fed();
      };
      if (inFlight) await inFlight; // the previous statement's checks are over (its rows were all sent)
      const sent = pipeline(Readable.from(chunks(), { objectMode: false }), t.query(copyFrom(sql)));
      inFlight = sent;
      sent.catch(() => undefined); // awaited below; its failure is thrown from there
      await Promise.race([allFed, sent]);
      if (exhausted) break;
      // The server is checking this statement's rows: encode the next statement's meanwhile.
      w = new BinaryRows();
      inStatement = 0;
      let settled = false;
      void sent.then(
        () => (settled = true),
        () => (settled = true),
      );
      while (!settled && inStatement < per) {
        for (let i = 0; i < 256 && inStatement < per && next(w); i++) inStatement++;
        if (exhausted) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (inStatement === 0 && exhausted) break;
    }
    if (inFlight) await inFlight;
  } finally {
    // A statement that failed aborts the transaction; the one being prepared is dropped.
    if (inFlight) await inFlight.catch(() => undefined);
  }
  return count;
}

/**
 * Ids for the rows one bulk write makes, in their order: UUID version 7 (RFC 9562) with the
 * write's millisecond, then the row's number in the 12 bits of `rand_a` and the first 18 of
 * `rand_b`, then 44 random bits. Ascending, so a primary key's index takes them at its right
 * edge (pages filled in turn) instead of at random places; unique within the write by the
 * number, across writes by the time and the random bits (and the key refuses a duplicate).
 * Returns one id's 16 bytes at a time, in a buffer that the next call overwrites.
 */
export function orderedIds(at: Date): () => Uint8Array {
  const id = new Uint8Array(16);
  const ms = at.getTime();
  // 48-bit big-endian milliseconds.
  for (let i = 5, v = ms; i >= 0; i--, v = Math.floor(v / 256)) id[i] = v % 256;
  const random = new Uint8Array(6 * 1024);
  let used = random.length;
  let n = 0;
  return () => {
    if (n >= 2 ** 30) throw new Error('orderedIds: more than 2^30 rows in one write');
    if (used === random.length) {
      randomFillSync(random);
      used = 0;
    }
    const hi = Math.floor(n / 2 ** 18); // 12 bits
    const lo = n % 2 ** 18; // 18 bits
    id[6] = 0x70 | (hi >> 8);
    id[7] = hi & 0xff;
    id[8] = 0x80 | (lo >> 12); // variant 10, then 6 bits of the number
    id[9] = (lo >> 4) & 0xff;
    id[10] = ((lo & 0x0f) << 4) | (random[used]! & 0x0f);
    id.set(random.subarray(used + 1, used + 6), 11);
    used += 6;
    n++;
    return id;
  };
}
