// Renders every 公示 / 公告 variant (step states, kinds, years, masked IDs, faces) from a small
// demo township and turns every page into a PNG with pdftoppm, to look at:
//   npx tsx scripts/render-notices.mts [OUT_DIR]        (default tmp/notices-preview, git-ignored)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { saveContacts } from '../core/documents/contacts.ts';
import { renderDocument } from '../core/documents/index.ts';
import { insertTestBatch } from '../core/documents/testing.ts';
import type { DocumentRequestInput } from '../shared/api/documents.ts';
import { previewArchive } from './preview-archive.mts';

const { out, asOf, actor, archive, villages } = previewArchive('tmp/notices-preview');
saveContacts(archive.db, actor, { supervisionPhones: ['0838-6212317'], officeAddress: '青山镇人民政府便民服务中心（青山镇人民路1号）', officePhone: '0838-6210001', villages: [{ code: villages[0]!.code, committeePhone: '0838-6215566' }] });
const edge = insertTestBatch(archive, { kind: 'edge', year: 2026, villageIds: [villages[0]!.id], households: 36, failOne: true, meeting: true });
const edgeSecond = insertTestBatch(archive, { kind: 'identification', year: 2019, villageIds: [villages[0]!.id], households: 10, openStep: 'township-publicity', meeting: true });
const announce2019 = insertTestBatch(archive, { kind: 'exit', year: 2019, households: 20, openStep: 'announcement', startedOn: '2019-12-02', meeting: true });
const monitoringEarly = insertTestBatch(archive, { kind: 'monitoring', year: 2026, villageIds: [villages[1]!.id], households: 6, openStep: 'verification' });
const monitoring = insertTestBatch(archive, { kind: 'monitoring', year: 2026, households: 12, openStep: 'announcement', startedOn: '2026-11-22', meeting: true });

const jobs: [string, DocumentRequestInput][] = [
  ['village-first-open', { kind: 'publicity', scope: { batchId: edge.id.slice(0, 8) } }],
  ['village-first-masked', { kind: 'publicity', scope: { batchId: edge.id }, options: { maskedIds: true, phones: ['0838-6219999'] } }],
  ['township-second-pending', { kind: 'publicity', scope: { batchId: edge.id }, options: { stepId: 'STEP6' } }],
  ['identification-2019-second-open', { kind: 'publicity', scope: { batchId: edgeSecond.id } }],
  ['exit-2019-announcement', { kind: 'publicity', scope: { batchId: announce2019.id } }],
  ['monitoring-step1-open', { kind: 'publicity', scope: { batchId: monitoringEarly.id } }],
  ['monitoring-announcement', { kind: 'publicity', scope: { batchId: monitoring.id } }],
  ['village-first-sans', { kind: 'publicity', scope: { batchId: edge.id }, options: { font: 'sans' } }],
  ['village-first-xlsx', { kind: 'publicity', format: 'xlsx', scope: { batchId: edge.id } }],
];
for (const [name, req] of jobs) {
  const steps = archive.sqlite.prepare("SELECT id FROM batch_steps WHERE batch_id = ? AND step = 'township-publicity'").get(edge.id) as { id: string };
  const r0 = req.options?.stepId === 'STEP6' ? { ...req, options: { ...req.options, stepId: steps.id } } : req;
  const file = join(out, `${name}.${r0.format ?? 'pdf'}`);
  const r = await renderDocument(archive, { ...r0, asOf }, { out: file });
  console.log(name, r.pages, r.title, r.warnings ?? '');
  if (file.endsWith('.pdf')) execFileSync('pdftoppm', ['-r', '150', '-png', file, join(out, name)]);
}
