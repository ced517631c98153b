// Reads the framed entries out of the decrypted stream, refusing anything out of order, unknown,
// oversized or larger than what remains, before reading it. Yields entries as they come; the
// generator returns only after the END frame, age's final chunk and the payload hash all check
// out — until then everything yielded is provisional and must only be staged.
import { equalBytes, readU64, toHex, UUID_RE } from './bytes.ts';
import type { ByteSource } from './byte-source.ts';
import { canonicalJson, parseJsonObject } from './canonical.ts';
import type { JsonObject } from './canonical.ts';
import { FRAME, FRAME_HEAD_MIN, TABLE_NAME_RE } from './frames.ts';
import type { Manifest, Summary } from './frames.ts';
import { sha256Hasher } from './hash.ts';
import type { Limits } from './limits.ts';
import { refuse } from './messages.ts';

export type PackageEntry =
  | { type: 'manifest'; manifest: Manifest }
  | { type: 'table'; name: string }
  /**
   * Consecutive rows of one table, as many as had arrived (up to ROW_BATCH): parsed, and the
   * exact bytes each was parsed from (valid UTF-8 JSON; staging writes them as they are).
   */
  | { type: 'rows'; table: string; rows: JsonObject[]; raw: Uint8Array[] }
  | { type: 'attachment'; id: string; sha256: string; size: number; data: AsyncIterable<Uint8Array> };

export type Binding = Omit<Manifest, 'format' | 'meta'>;

export interface DecodeContext {
  file: string;
  limits: Limits;
  binding: Binding;
  /** Table names the caller accepts (the archive layer's allow-list); all well-formed names if absent. */
  tables?: (name: string) => boolean;
  /** Runs after the last byte: the re-hash of the payload read for decryption. */
  finalCheck: () => void;
}

const BINDING_LABEL: Record<keyof Binding, string> = {
  packageId: '数据包编号',
  kind: '类型',
  seq: '序号',
  sender: '发送方',
  recipients: '收件方',
  answersTo: '所回复的数据包',
  schemaVersion: '数据版本',
};

interface Head {
  type: number;
  id: string;
  size: number;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a ?? null) === canonicalJson(b ?? null);
  } catch {
    return false; // floats or huge numbers: never what the writer puts there
  }
}

function shown(id: string): string {
  return JSON.stringify(id.slice(0, 40)).slice(1, -1);
}

/** Rows per 'rows' entry at most: one await per batch instead of per row, memory bounded. */
const ROW_BATCH = 512;

class Decoder {
  private frames = 0;

  constructor(
    private readonly src: ByteSource,
    private readonly ctx: DecodeContext,
  ) {}

  bad(why: string): Error {
    return refuse.badContent(this.ctx.file, why);
  }

  async head(): Promise<Head> {
    if (this.src.remaining() < FRAME_HEAD_MIN) throw this.bad('条目不完整');
    if (++this.frames > this.ctx.limits.entries) throw this.bad(`条目超过 ${this.ctx.limits.entries} 个`);
    const [type, idLen] = await this.src.read(2);
    if (!Object.values(FRAME).includes(type as never)) throw this.bad(`未知的条目类型 ${type}`);
    if (this.src.remaining() < idLen! + 8) throw this.bad('条目不完整');
    const rest = await this.src.read(idLen! + 8);
    const id = String.fromCharCode(...rest.subarray(0, idLen));
    if (rest.subarray(0, idLen).some((b) => b < 0x21 || b > 0x7e)) throw this.bad(`条目编号“${shown(id)}”含有非法字符`);
    const size = readU64(rest, idLen!);
    if (size > BigInt(this.src.remaining())) throw this.bad(`条目“${shown(id)}”声明 ${size} 字节，超过剩余的 ${this.src.remaining()} 字节`);
    return { type: type!, id, size: Number(size) };
  }

  async json(h: Head, max: number, what: string): Promise<JsonObject> {
    if (h.size > max) throw this.bad(`${what}过大（${h.size} 字节，最多 ${max} 字节）`);
    const obj = parseJsonObject(await this.src.read(h.size));
    if (!obj) throw this.bad(`${what}不是有效的 JSON 对象`);
    return obj;
  }

  async manifest(): Promise<Manifest> {
    const h = await this.head();
    if (h.type !== FRAME.manifest || h.id !== 'manifest') throw this.bad('第一个条目不是清单');
    const m = await this.json(h, this.ctx.limits.manifestBytes, '清单');
    if (m.format !== 'fupin-manifest/v1' || typeof m.meta !== 'object' || m.meta === null || Array.isArray(m.meta)) throw this.bad('清单格式不对');
    for (const key of Object.keys(BINDING_LABEL) as (keyof Binding)[]) {
      if (!sameJson(m[key], this.ctx.binding[key])) {
        throw refuse.mismatchedBinding(this.ctx.file, BINDING_LABEL[key]);
      }
    }
    return m as unknown as Manifest;
  }

  private rowTooLarge(table: Summary['tables'][number], size: number): Error {
    return this.bad(`表“${table.name}”第 ${table.rows + 1} 行过大（${size} 字节，最多 ${this.ctx.limits.rowBytes} 字节）`);
  }

  private addRow(table: Summary['tables'][number], batch: Extract<PackageEntry, { type: 'rows' }>, bytes: Uint8Array): void {
    const row = parseJsonObject(bytes);
    if (!row) throw this.bad(`表“${table.name}”第 ${table.rows + 1} 行不是有效的 JSON 对象`);
    table.rows++;
    batch.rows.push(row);
    batch.raw.push(bytes);
  }

  /** The next row frame if it is whole in what has been decrypted; false (nothing consumed) otherwise. */
  private rowNow(table: Summary['tables'][number], batch: Extract<PackageEntry, { type: 'rows' }>): boolean {
    if (this.src.remaining() < FRAME_HEAD_MIN) return false;
    const head = this.src.peek(FRAME_HEAD_MIN);
    if (!head || head[0] !== FRAME.row || head[1] !== 0) return false;
    const size = readU64(head, 2);
    if (size > BigInt(this.src.remaining() - FRAME_HEAD_MIN)) return false; // head() says why
    const n = Number(size);
    if (n > this.ctx.limits.rowBytes) return false;
    const whole = this.src.peek(FRAME_HEAD_MIN + n);
    if (!whole) return false;
    if (++this.frames > this.ctx.limits.entries) throw this.bad(`条目超过 ${this.ctx.limits.entries} 个`);
    this.src.skip(FRAME_HEAD_MIN + n);
    this.addRow(table, batch, whole.subarray(FRAME_HEAD_MIN));
    return true;
  }

  attachment(h: Head, sha: Uint8Array, onDone: (bytes: number) => void): { entry: PackageEntry; drain: () => Promise<void> } {
    const size = h.size - 32;
    const hasher = sha256Hasher();
    let left = size;
    let moved = false;
    const step = async (): Promise<Uint8Array> => {
      const piece = await this.src.readSome(left);
      hasher.update(piece);
      left -= piece.length;
      if (left === 0) {
        if (!equalBytes(hasher.digest(), sha)) throw this.bad(`附件 ${h.id} 的内容与其校验值不符`);
        onDone(size);
      }
      return piece;
    };
    async function* data(): AsyncGenerator<Uint8Array> {
      while (left > 0) {
        if (moved) throw new Error('attachment data read after the next entry was requested');
        yield await step();
      }
    }
    const drain = async () => {
      moved = true;
      while (left > 0) await step();
    };
    return { entry: { type: 'attachment', id: h.id, sha256: toHex(sha), size, data: data() }, drain };
  }

  async *entries(): AsyncGenerator<PackageEntry, Summary> {
    yield { type: 'manifest', manifest: await this.manifest() };
    const tables: Summary['tables'] = [];
    const attachmentIds = new Set<string>();
    let attachmentBytes = 0;
    let table: Summary['tables'][number] | null = null;
    for (;;) {
      const h = await this.head();
      if (h.type === FRAME.table) {
        if (!TABLE_NAME_RE.test(h.id) || h.size !== 0) throw this.bad(`表名“${shown(h.id)}”不合规`);
        if (this.ctx.tables && !this.ctx.tables(h.id)) throw this.bad(`不接受的表“${h.id}”`);
        if (tables.some((t) => t.name === h.id)) throw this.bad(`表“${h.id}”出现了两次`);
        if (tables.length >= this.ctx.limits.tables) throw this.bad(`表超过 ${this.ctx.limits.tables} 个`);
        table = { name: h.id, rows: 0 };
        tables.push(table);
        yield { type: 'table', name: h.id };
      } else if (h.type === FRAME.row) {
        if (!table || h.id !== '') throw this.bad('数据行不在任何表之内');
        const batch: Extract<PackageEntry, { type: 'rows' }> = { type: 'rows', table: table.name, rows: [], raw: [] };
        if (h.size > this.ctx.limits.rowBytes) throw this.rowTooLarge(table, h.size);
        this.addRow(table, batch, await this.src.read(h.size));
        // The rows already decrypted are taken without an await each (the same checks as head()).
        while (batch.rows.length < ROW_BATCH && this.rowNow(table, batch));
        yield batch;
      } else if (h.type === FRAME.attachment) {
        table = null;
        if (!UUID_RE.test(h.id)) throw this.bad(`附件编号“${shown(h.id)}”不是 UUID`);
        if (attachmentIds.has(h.id)) throw this.bad(`附件 ${h.id} 出现了两次`);
        if (h.size < 32 || h.size - 32 > this.ctx.limits.attachmentBytes) throw this.bad(`附件 ${h.id} 的大小超出限制（最多 ${this.ctx.limits.attachmentBytes} 字节）`);
        attachmentIds.add(h.id);
        const { entry, drain } = this.attachment(h, await this.src.read(32), (n) => (attachmentBytes += n));
        yield entry;
        await drain();
      } else if (h.type === FRAME.end && h.id === 'end') {
        const summary = await this.json(h, this.ctx.limits.manifestBytes, '结束标记');
        const counted: Summary = { tables, attachments: attachmentIds.size, attachmentBytes };
        if (!sameJson(summary, counted)) throw this.bad('结束标记中的条目数与实际不符');
        if (!(await this.src.finish())) throw this.bad('结束标记之后还有数据');
        this.ctx.finalCheck();
        return counted;
      } else {
        throw this.bad(h.type === FRAME.manifest ? '清单出现了两次' : '条目顺序不对');
      }
    }
  }
}

export function decodeEntries(src: ByteSource, ctx: DecodeContext): AsyncGenerator<PackageEntry, Summary> {
  return new Decoder(src, ctx).entries();
}

