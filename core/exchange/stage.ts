// Unpacking into a staging folder, all or nothing: entries go into a hidden work folder named by
// the package id (a UUID checked by the header schema), tables as tables/<name>.ndjson (names
// checked against TABLE_NAME_RE), attachments as attachments/<uuid>. Only when the reader has
// verified the last byte is the folder renamed to <root>/<packageId>; on any failure it is
// removed, so the root holds nothing from a bad package. No name from a package becomes a path
// unless it passed those patterns. Every staged file is sealed with a key held only in memory.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject } from './canonical.ts';
import type { Summary, Manifest } from './frames.ts';
import { BlockWriter } from './file-io.ts';
import { refusal } from './messages.ts';
import type { OpenedPackage } from './reader.ts';
import { newStageKey, sealBlock } from './sealed-file.ts';

export interface StagedPackage {
  dir: string;
  /** The key the staged files are sealed with (core/exchange/sealed-file.ts); only in memory. */
  key: Buffer;
  manifest: Manifest;
  summary: Summary;
  tables: { name: string; rows: number; file: string }[];
  attachments: { id: string; sha256: string; size: number; file: string }[];
}

const NL = 10;
const NEWLINE = Uint8Array.of(NL);
const ENCODER = new TextEncoder();

/** A staged file: written in 1 MiB blocks, one in flight. */
class Sink {
  private constructor(
    private readonly h: FileHandle,
    private readonly out: BlockWriter,
  ) {}

  static async create(file: string, key: Buffer): Promise<Sink> {
    const h = await open(file, 'wx', 0o600);
    return new Sink(h, new BlockWriter(h, 0, (block) => sealBlock(key, block)));
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.out.push(bytes);
  }

  /** Rows as NDJSON lines: the bytes the reader parsed, as they are (no second encoding). */
  async writeRows(rows: readonly JsonObject[], raw: readonly Uint8Array[]): Promise<void> {
    for (let i = 0; i < raw.length; i++) {
      const bytes = raw[i]!;
      // Valid JSON may carry a newline as whitespace: such a row is written in its compact form.
      this.out.append(bytes.indexOf(NL) === -1 ? bytes : ENCODER.encode(JSON.stringify(rows[i])));
      this.out.append(NEWLINE);
    }
    await this.out.settle();
  }

  /** No fsync: staging is scratch (a crash discards it); whoever moves a file into the archive syncs it then. */
  async close(): Promise<void> {
    try {
      await this.out.end();
    } finally {
      await this.h.close();
    }
  }
}

async function fill(opened: OpenedPackage, work: string, key: Buffer, out: Omit<StagedPackage, 'dir' | 'key' | 'manifest' | 'summary'>): Promise<{ manifest: Manifest; summary: Summary }> {
  let manifest: Manifest | undefined;
  let table: { sink: Sink; entry: StagedPackage['tables'][number] } | undefined;
  const closeTable = async () => {
    await table?.sink.close();
    table = undefined;
  };
  const it = opened.entries();
  for (;;) {
    const r = await it.next();
    if (r.done) {
      await closeTable();
      return { manifest: manifest!, summary: r.value };
    }
    const e = r.value;
    if (e.type === 'manifest') manifest = e.manifest;
    else if (e.type === 'table') {
      await closeTable();
      const entry = { name: e.name, rows: 0, file: join('tables', `${e.name}.ndjson`) };
      out.tables.push(entry);
      table = { sink: await Sink.create(join(work, entry.file), key), entry };
    } else if (e.type === 'rows') {
      table!.entry.rows += e.rows.length;
      await table!.sink.writeRows(e.rows, e.raw);
    } else {
      await closeTable();
      const entry = { id: e.id, sha256: e.sha256, size: e.size, file: join('attachments', e.id) };
      const sink = await Sink.create(join(work, entry.file), key);
      try {
        for await (const piece of e.data) await sink.write(piece);
      } finally {
        await sink.close();
      }
      out.attachments.push(entry);
    }
  }
}

export async function stagePackage(opened: OpenedPackage, root: string): Promise<StagedPackage> {
  const dir = join(root, opened.header.packageId);
  if (existsSync(dir)) throw refusal(`数据包 ${opened.header.packageId} 已经暂存在 ${dir}，不再重复解开。`);
  const work = join(root, `.${opened.header.packageId}.${randomUUID()}.part`);
  await mkdir(join(work, 'tables'), { recursive: true, mode: 0o700 });
  await mkdir(join(work, 'attachments'), { mode: 0o700 });
  try {
    const out = { tables: [], attachments: [] };
    const key = newStageKey();
    const { manifest, summary } = await fill(opened, work, key, out);
    await rename(work, dir);
    return { dir, key, manifest, summary, ...out };
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    throw e;
  }
}
