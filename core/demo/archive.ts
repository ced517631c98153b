// The demo township as a protected archive, ready to show: encrypted like any other, with a
// station chief whose name and password are published (README, 演示) so anyone trying the app
// can log in. Synthetic people only — the password protects nothing real, so it may be public;
// a real archive is always made by `init` or 新建档案 with the chief's own password.
import { rmSync } from 'node:fs';
import type { KdfParams } from '../../db/keystore.ts';
import type { Actor } from '../../shared/actor.ts';
import { createProtectedArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { generateDemo } from './index.ts';
import type { DemoResult } from './index.ts';

/** The demo archive's station chief (管理员). Stated in README's demo section: keep them in step. */
export const DEMO_LOGIN = { name: '演示站长', password: 'yanshi-2026' } as const;

export interface DemoArchiveOptions {
  villages: number;
  households: number;
  seed: string;
  /** YYYY-MM-DD: the day the demo is made for. */
  asOf: string;
  /** Stamps of the creation; default 08:00 UTC of `asOf`. */
  now?: () => Date;
  kdf?: KdfParams;
}

/** Creates `file` (refused if it exists) as the demo township 青山镇, logged in as DEMO_LOGIN. */
export async function createDemoArchive(file: string, opts: DemoArchiveOptions): Promise<{ archive: Archive; recoveryCode: string; demo: DemoResult }> {
  const actor: Actor = { operator: DEMO_LOGIN.name, now: opts.now ?? (() => new Date(`${opts.asOf}T08:00:00Z`)) };
  const { archive, recoveryCode } = await createProtectedArchive(
    { file, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省', admin: { ...DEMO_LOGIN } },
    actor,
    opts.kdf ? { kdf: opts.kdf } : {},
  );
  try {
    const demo = generateDemo(archive, { villages: opts.villages, households: opts.households, seed: opts.seed, asOf: opts.asOf, actor });
    return { archive, recoveryCode, demo };
  } catch (e) {
    // No half-made demo left behind.
    archive.close();
    for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(file + suffix, { force: true });
    throw e;
  }
}
