// Prints every document kind, PDF and XLSX, for the unusual scopes of a shaped demo township —
// a household of 12 with 生僻字 (𠮷 䶮 㛃) and long minority names, an empty address, no helper, a
// member without any insurance; a monitored household with five risks; a village without
// households; a batch without households and one whose steps are not opened; a year without
// income rows — turns every PDF page into a PNG and lists what was refused and why, to look at:
//   npx tsx scripts/render-unusual.mts [OUT_DIR]        (default tmp/unusual-preview, git-ignored)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sqlAll, sqlGet, sqlRun } from '../db/testing.ts';
import { renderDocument } from '../core/documents/index.ts';
import { insertTestBatch } from '../core/documents/testing.ts';
import type { DocumentRequestInput } from '../shared/api/documents.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { previewArchive } from './preview-archive.mts';

const { out, asOf, archive, villages } = previewArchive('tmp/unusual-preview');
const [v1, v2] = villages as [(typeof villages)[number], (typeof villages)[number]];
const township = sqlGet<{ id: string }>(archive, 'SELECT township_id AS id FROM villages LIMIT 1')!.id;
const EMPTY_VILLAGE = '511922101099';
sqlRun(archive, "INSERT INTO villages (id, version, updated_at, updated_by, township_id, code, name, is_poor_village, sort_order) VALUES (?, 1, '2026-11-20T08:00:00Z', '预览', ?, ?, '空山村', 1, 99)", randomUUID(), township, EMPTY_VILLAGE);

// A registered household of 12: rare characters, long names, no address, no helper, one member uninsured.
const big = sqlGet<{ id: string; no: string }>(archive, "SELECT id, no FROM households WHERE village_id = ? AND status IN ('poor', 'returned', 'exited') ORDER BY no LIMIT 1", v1.id)!;
const NAMES = ['𠮷祥', '王䶮', '李㛃㛃', '阿卜杜热合曼·买买提依明·艾则孜托合提', '扎西多吉次仁旺堆', '古丽米热·阿不都热西提', '张三', '张四', '张五', '张六', '张七', '张八'];
const members = sqlAll(archive, 'SELECT * FROM members WHERE household_id = ? ORDER BY seq', big.id);
members.slice(0, 12).forEach((m, i) => sqlRun(archive, 'UPDATE members SET name = ? WHERE id = ?', NAMES[i], m.id));
const head = members[0]!;
for (let i = members.length; i < 12; i++) {
  const gender = i % 2 ? '男' : '女';
  const birthDate = `20${10 + i}-03-0${(i % 9) + 1}`;
  const m: Record<string, unknown> = { ...head, id: randomUUID(), seq: i + 1, name: NAMES[i], relation: i % 2 ? '孙子' : '孙女', gender, birth_date: birthDate };
  m.id_number = makeIdNumber(String(head.id_number).slice(0, 6), birthDate, 100 + i, gender);
  const cols = Object.keys(m);
  sqlRun(archive, `INSERT INTO members (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`, ...cols.map((c) => m[c]));
}
sqlRun(archive, 'UPDATE members SET medical_insurance = 0, pension_insurance = 0, serious_illness_insurance = 0, commercial_insurance = 0 WHERE household_id = ? AND seq = 3', big.id);
sqlRun(archive, "UPDATE households SET address = '', group_name = NULL WHERE id = ?", big.id);
sqlRun(archive, 'UPDATE incomes SET household_size = 12 WHERE household_id = ?', big.id);
sqlRun(archive, 'DELETE FROM pairings WHERE household_id = ?', big.id);

// A monitored household with five risks and a long head name.
const watched = sqlGet<{ id: string; no: string }>(archive, "SELECT id, no FROM households WHERE village_id = ? AND status = 'ordinary' ORDER BY no LIMIT 1", v1.id)!;
sqlRun(archive, "UPDATE households SET status = 'unstable', monitoring_category = '脱贫不稳定户', household_type = '一般农户', risks = ?, risk_removed = 0, monitoring_start = '2025-06-01' WHERE id = ?", JSON.stringify(['因病', '因残', '因学', '因灾', '因务工就业不稳']), watched.id);
sqlRun(archive, "UPDATE members SET name = '阿依努尔·艾尼瓦尔·买买提明·阿不都克里木' WHERE household_id = ? AND relation = '户主'", watched.id);

const whole = insertTestBatch(archive, { kind: 'edge', year: 2026, villageIds: [v1.id], households: 200, meeting: true, failOne: true });
const empty = insertTestBatch(archive, { kind: 'monitoring', year: 2026, villageIds: [v1.id], households: 0 });
const unopened = insertTestBatch(archive, { kind: 'exit', year: 2026, villageIds: [v2.id], households: 6, openStep: 'none' });

const jobs: [string, DocumentRequestInput][] = [
  ['publicity-batch', { kind: 'publicity', scope: { batchId: whole.id } }],
  ['publicity-masked', { kind: 'publicity', scope: { batchId: whole.id }, options: { maskedIds: true } }],
  ['publicity-empty-batch', { kind: 'publicity', scope: { batchId: empty.id } }],
  ['publicity-unopened', { kind: 'publicity', scope: { batchId: unopened.id } }],
  ['roster-village', { kind: 'roster', scope: { villageCode: v1.code } }],
  ['roster-empty-village', { kind: 'roster', scope: { villageCode: EMPTY_VILLAGE } }],
  ['enrollment-12', { kind: 'enrollment', scope: { householdNo: big.no } }],
  ['enrollment-12-no-income-year', { kind: 'enrollment', scope: { householdNo: big.no }, year: 2022 }],
  ['enrollment-monitored', { kind: 'enrollment', scope: { householdNo: watched.no } }],
  ['enrollment-empty-batch', { kind: 'enrollment', scope: { batchId: empty.id } }],
  ['verification-household-12', { kind: 'verification-household', scope: { householdNo: big.no } }],
  ['verification-household-no-income-year', { kind: 'verification-household', scope: { householdNo: big.no }, year: 2022 }],
  ['verification-household-empty-village', { kind: 'verification-household', scope: { villageCode: EMPTY_VILLAGE } }],
  ['verification-village', { kind: 'verification-village', scope: { villageCode: v1.code } }],
  ['verification-village-empty', { kind: 'verification-village', scope: { villageCode: EMPTY_VILLAGE } }],
  ['wallchart-A3', { kind: 'wallchart', options: { paper: 'A3' } }],
  ['wallchart-A1', { kind: 'wallchart', options: { paper: 'A1' } }],
  ['wallchart-village', { kind: 'wallchart', scope: { villageCode: v1.code } }],
  ['card-no-helper', { kind: 'card', scope: { householdNo: big.no } }],
  ['card-empty-village', { kind: 'card', scope: { villageCode: EMPTY_VILLAGE } }],
  ['meeting-batch', { kind: 'meeting', scope: { batchId: whole.id } }],
  ['meeting-empty-batch', { kind: 'meeting', scope: { batchId: empty.id } }],
  ['sign-in-empty-batch', { kind: 'sign-in', scope: { batchId: empty.id } }],
  ['monitoring-intake-five-risks', { kind: 'monitoring-intake', scope: { householdNo: watched.no } }],
  ['consent-12', { kind: 'consent', scope: { householdNo: big.no } }],
  ['income-calc-12', { kind: 'income-calc', scope: { householdNo: big.no } }],
  ['income-calc-no-income-year', { kind: 'income-calc', scope: { householdNo: big.no }, year: 2022 }],
];
for (const [name, req] of jobs) {
  for (const format of ['pdf', 'xlsx'] as const) {
    const file = join(out, `${name}.${format}`);
    try {
      const r = await renderDocument(archive, { ...req, format, asOf }, { out: file });
      const missing = r.missingGlyphs.map((m) => `${m.text}@${m.where}`).join('；');
      console.log(name, format, r.pages ?? `${r.sheets} 个工作表`, r.title, missing ? `缺字：${missing}` : '', r.warnings?.join(' ') ?? '');
      if (format === 'pdf') execFileSync('pdftoppm', ['-r', '150', '-png', file, join(out, name)]);
    } catch (e) {
      console.log(name, format, '拒绝：', (e as Error).message);
    }
  }
}
archive.close();
