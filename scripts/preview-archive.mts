// The small demo township the preview scripts (render-docs, render-notices) render from: a fresh
// output folder (argv[2], or `defaultOut`), an archive in it with 3 villages and 300 households
// made for the fixed day 2026-11-24, and its villages in code order.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import type { Actor } from '../shared/actor.ts';

export interface Preview {
  out: string;
  asOf: string;
  actor: Actor;
  archive: Archive;
  villages: { id: string; code: string }[];
}

export function previewArchive(defaultOut: string): Preview {
  const out = resolve(process.argv[2] ?? defaultOut);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const asOf = '2026-11-24';
  const actor: Actor = { operator: '预览', now: () => new Date(`${asOf}T08:00:00Z`) };
  const archive = initArchive({ file: join(out, 'preview.db'), name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 3, households: 300, seed: 'preview', asOf, actor });
  const villages = archive.sqlite.prepare('SELECT id, code FROM villages ORDER BY code').all() as { id: string; code: string }[];
  return { out, asOf, actor, archive, villages };
}
