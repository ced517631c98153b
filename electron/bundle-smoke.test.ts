// The built dist/electron/main.cjs itself, run under Node with a fake `electron` module put
// where its require('electron') lands: it must load (externals resolve, no import.meta),
// register the contract and create an archive from the migrations it carries beside it.
import Module, { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readMigrations, TEST_PASSWORD } from '../core/testing.ts';
import { buildElectron } from '../scripts/build-electron.ts';
import { CHANNELS } from '../shared/api/index.ts';
import { fakeElectron } from './fake-electron.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const root = join(import.meta.dirname, '..');
// Inside the repository, so the bundle finds node_modules/better-sqlite3 as the app would.
const outDir = join(root, 'dist', `electron-smoke-${process.pid}`);
const fake = fakeElectron();

beforeAll(async () => {
  await buildElectron({ outDir });
});
afterAll(() => {
  fake.appOn.get('will-quit')?.();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(fake.root, { recursive: true, force: true });
});

describe('dist/electron/main.cjs', () => {
  it('starts with a fake Electron and answers the page over IPC', async () => {
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = loader._load;
    loader._load = (request, ...rest) => (request === 'electron' ? fake.electron : original.apply(loader, [request, ...rest]));
    try {
      createRequire(import.meta.url)(join(outDir, 'main.cjs'));
    } finally {
      loader._load = original;
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handled().sort()).toEqual([...CHANNELS].sort());
    expect(fake.windows).toHaveLength(1);
    // The bundle carries the encryption's pieces too: the cipher build of the driver and argon2id (WebAssembly).
    const r = await fake.invoke('archive.create', { name: '白马镇', admin: { name: '李会计', password: TEST_PASSWORD } });
    expect(r).toMatchObject({ ok: true, value: { operator: '李会计', archive: { township: '白马镇', schemaVersion: readMigrations().length } } });
    expect(await fake.invoke('archive.lock', {})).toMatchObject({ ok: true, value: { operator: null, pending: { kind: 'login' } } });
    expect(await fake.invoke('archive.login', { name: '李会计', password: TEST_PASSWORD })).toMatchObject({ ok: true, value: { operator: '李会计', role: 'admin' } });
  });
});
