// Renders every document (and each publicity variant) from a small demo township and turns
// the first page of each PDF into a PNG with pdftoppm, to look at:
//   npx tsx scripts/render-docs.mts [OUT_DIR]        (default tmp/docs-preview, git-ignored)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderDocument } from '../core/documents/index.ts';
import { insertTestBatch } from '../core/documents/testing.ts';
import type { DocumentRequestInput } from '../shared/api/documents.ts';
import { previewArchive } from './preview-archive.mts';

const { out, asOf, archive, villages } = previewArchive('tmp/docs-preview');
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
