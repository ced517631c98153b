// Renders every document (and each publicity variant) from a small demo township and turns
// the first page of each PDF into a PNG with pdftoppm, to look at:
//   npx tsx scripts/render-docs.mts [OUT_DIR]        (default tmp/docs-preview, git-ignored)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { renderDocument } from '../core/documents/index.ts';
import { insertTestBatch } from '../core/documents/testing.ts';
import type { DocumentRequestInput } from '../shared/api/documents.ts';

const out = resolve(process.argv[2] ?? 'tmp/docs-preview');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const asOf = '2026-11-24';
const actor = { operator: '预览', now: () => new Date(`${asOf}T08:00:00Z`) };
const archive = initArchive({ file: join(out, 'preview.db'), name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
generateDemo(archive, { villages: 3, households: 300, seed: 'preview', asOf, actor });
const villages = archive.sqlite.prepare('SELECT id, code FROM villages ORDER BY code').all() as { id: string; code: string }[];
const household = (status: string) => (archive.sqlite.prepare('SELECT no FROM households WHERE status = ? ORDER BY no LIMIT 1').get(status) as { no: string }).no;
const edge = insertTestBatch(archive, { kind: 'edge', year: 2026, villageIds: [villages[0]!.id], households: 36, failOne: true, meeting: true });
const monitoring = insertTestBatch(archive, { kind: 'monitoring', year: 2026, households: 12, openStep: 'announcement', startedOn: '2026-11-22', meeting: true });
const blank = insertTestBatch(archive, { kind: 'exit', year: 2026, villageIds: [villages[1]!.id], households: 8 });

const jobs: [string, DocumentRequestInput][] = [
  ['roster', { kind: 'roster', scope: { villageCode: villages[0]!.code } }],
  ['enrollment', { kind: 'enrollment', scope: { householdNo: household('poor') } }],
  ['enrollment-monitored', { kind: 'enrollment', scope: { householdNo: household('unstable') } }],
  ['card', { kind: 'card', scope: { householdNo: household('exited') } }],
  ['verification-household', { kind: 'verification-household', scope: { householdNo: household('poor') } }],
  ['verification-village', { kind: 'verification-village', scope: { villageCode: villages[0]!.code }, options: { provinceAverageFen: 1_900_000 } }],
  ['wallchart', { kind: 'wallchart' }],
  ['wallchart-a1', { kind: 'wallchart', options: { paper: 'A1' } }],
  ['publicity-village-two-column', { kind: 'publicity', scope: { batchId: edge.id } }],
  ['publicity-masked-id', { kind: 'publicity', scope: { batchId: edge.id }, options: { maskedIds: true, phones: ['0838-6212317'] } }],
  ['announcement-township-category', { kind: 'publicity', scope: { batchId: monitoring.id } }],
  ['meeting', { kind: 'meeting', scope: { batchId: edge.id } }],
  ['meeting-blank', { kind: 'meeting', scope: { batchId: blank.id } }],
  ['income-calc', { kind: 'income-calc', scope: { householdNo: household('exited') } }],
];

for (const [name, req] of jobs) {
  const file = join(out, `${name}.pdf`);
  const r = await renderDocument(archive, { ...req, asOf }, { out: file });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(out, name)]);
  const missing = r.missingGlyphs.length ? `，缺字 ${r.missingGlyphs.length} 处` : '';
  process.stdout.write(`${join(out, `${name}.png`)}  ${r.title}：${r.pages} 页${missing}\n`);
}
archive.close();
