// Synthetic department lists (部门筛查名单) from an archive, one workbook per department, as a
// department would send them: a title row, a header (some columns under an alias), people of the
// archive and people who are not in it, a malformed ID number, a row without one, a duplicate.
// Used by the tests and by the demo (`screening samples`). Deterministic for a given archive.
import { join } from 'node:path';
import type { ReadDb } from '../../db/handles.ts';
import { peopleWithIds } from '../../db/repos/screening.ts';
import type { ArchivePerson } from '../../db/repos/screening.ts';
import { archiveName } from '../../db/repos/villages.ts';
import { checkDigit, makeIdNumber, parseIdNumber } from '../../shared/id-number.ts';
import { DEPARTMENTS, DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import type { Department } from '../../shared/screening/departments.ts';
import { loadExcelJS } from '../files/exceljs.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

/** What a generated list holds, for the tests to compare with what the check finds. */
export interface SampleList {
  department: Department;
  file: string;
  rows: number;
  hits: number;
  byId: number;
  byNameBirth: number;
  malformedIds: number;
  duplicates: number;
  notInArchive: number;
  notFlagged: number;
  /** 户编号 of the households the hits belong to, in row order. */
  households: string[];
}

const VALUES: Record<Department, (i: number) => Record<string, string>> = {
  medical: (i) => ({ selfPaid: String(12_345 + i * 1_111), total: String(40_000 + i * 3_000), period: '2026年1-10月', disease: ['恶性肿瘤', '尿毒症', '脑梗死', '白血病'][i % 4]! }),
  civil: (i) => ({ aid: ['低保', '特困供养', '临时救助'][i % 3]!, amount: String([540, 780, 3000][i % 3]), since: `2026-0${(i % 8) + 1}-15` }),
  disability: (i) => ({ type: ['肢体残疾', '视力残疾', '智力残疾'][i % 3]!, grade: ['一级', '二级', '三级', '四级'][i % 4]!, since: '2025-06-01' }),
  education: (i) => ({ state: i % 2 ? '辍学' : '休学', school: '青山镇中心学校', grade: `初${['一', '二', '三'][i % 3]}` }),
  police: (i) => ({ change: i % 2 ? '死亡' : '迁出', on: `2026-0${(i % 8) + 1}-0${(i % 9) + 1}`, to: i % 2 ? '' : '成都市武侯区' }),
  hrss: (i) => ({ employment: i % 2 ? '失业' : '就业', pension: i % 2 ? '' : String(150 + i * 10), employer: i % 2 ? '' : '某建筑公司' }),
  housing: (i) => ({ grade: i % 2 ? 'D级' : 'C级', on: '2026-07-20' }),
  emergency: (i) => ({ disaster: ['洪涝', '风雹', '地质灾害'][i % 3]!, on: '2026-07-12', loss: String(8_000 + i * 2_500) }),
  market: (i) => ({ business: `仁寿县${['青山', '白马', '石桥'][i % 3]}种养殖专业合作社${i + 1}`, type: i % 2 ? '个体工商户' : '农民专业合作社', capital: String(50_000 * (i + 1)) }),
  vehicle: (i) => ({ type: i % 2 ? '小型轿车' : '轻型货车', plate: `川Z${String(10_000 + i * 137).slice(-5)}`, price: String(80_000 + i * 9_000) }),
  payroll: (i) => ({ unit: ['镇人民政府', '县教育局', '县人民医院'][i % 3]!, post: ['工作人员', '教师', '医生'][i % 3]! }),
};

/** People the lists can name without ambiguity: a valid ID, and no one else of the same name and birth date. */
function candidates(db: ReadDb): ArchivePerson[] {
  const all = peopleWithIds(db).filter((p) => p.idNumber && parseIdNumber(p.idNumber).ok);
  const key = (p: ArchivePerson) => `${p.name}|${p.idNumber!.slice(6, 14)}`;
  const seen = new Map<string, number>();
  for (const p of all) seen.set(key(p), (seen.get(key(p)) ?? 0) + 1);
  return all.filter((p) => seen.get(key(p)) === 1);
}

const birthOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** Writes one .xlsx per department into `dir`; returns what each holds. */
export async function writeSampleLists(db: ReadDb, dir: string, departments: readonly Department[] = DEPARTMENTS): Promise<SampleList[]> {
  const Excel = await loadExcelJS();
  const people = candidates(db);
  if (people.length < 30) throw new Error('the archive has too few members for sample lists');
  const known = new Set(peopleWithIds(db).map((p) => p.idNumber));
  const place = archiveName(db) ?? '';
  const out: SampleList[] = [];
  for (const d of departments) {
    const def = DEPARTMENT_DEFS[d];
    const n = DEPARTMENTS.indexOf(d);
    // Spread over the archive: a different slice of people for each department.
    const pick = (k: number) => people[(n * 37 + k * 13) % people.length]!;
    const picked = Array.from({ length: 7 }, (_, k) => pick(k));
    const outsiders = [0, 1].map((k) => {
      let id = makeIdNumber('511922', `19${60 + k + n}-0${k + 3}-1${n % 9}`, 900 + n * 2 + k, k ? '女' : '男');
      for (let s = 0; known.has(id); s++) id = makeIdNumber('511922', `1958-0${k + 3}-1${n % 9}`, 700 + s, '男');
      return { name: `外${['甲', '乙'][k]}${def.label.slice(0, 1)}`, id };
    });
    const malformed = picked[4]!.idNumber!.slice(0, 17) + (checkDigit(picked[4]!.idNumber!.slice(0, 17)) === '1' ? '2' : '1');
    // Half the departments write their columns under an alias, as another county's list might.
    const header = (c: (typeof def.columns)[number]) => (n % 2 && c.aliases.length ? c.aliases[0]! : c.label);
    const rows: (string | number)[][] = [];
    const row = (name: string, id: string, birth: string, i: number) => {
      const v = VALUES[d](i);
      rows.push([rows.length + 1, name, id, birth, ...def.columns.map((c) => v[c.key] ?? '')]);
    };
    picked.slice(0, 4).forEach((p, i) => row(p.name, p.idNumber!, birthOf(p.idNumber!), i));
    row(picked[4]!.name, malformed, '', 4);
    row(picked[5]!.name, '', birthOf(picked[5]!.idNumber!), 5);
    row(picked[0]!.name, picked[0]!.idNumber!, birthOf(picked[0]!.idNumber!), 0);
    outsiders.forEach((o, k) => row(o.name, o.id, birthOf(o.id), 6 + k));
    let notFlagged = 0;
    if (d === 'medical') {
      rows.push([rows.length + 1, picked[6]!.name, picked[6]!.idNumber!, birthOf(picked[6]!.idNumber!), '3200', '9000', '2026年1-10月', '高血压']);
      notFlagged = 1;
    }
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet(`${def.label}名单`);
    const headers = ['序号', '姓名', n % 2 ? '公民身份号码' : '身份证号', '出生日期', ...def.columns.map(header)];
    ws.addRow([`${place}${def.label}部门筛查名单（2026年11月）`]);
    ws.mergeCells(1, 1, 1, headers.length);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(3).width = 22;
    const file = join(dir, `${def.label}筛查名单.xlsx`);
    writeFileAtomic(file, Buffer.from(await wb.xlsx.writeBuffer()));
    out.push({
      department: d,
      file,
      rows: rows.length,
      hits: 6,
      byId: 4,
      byNameBirth: 2,
      malformedIds: 1,
      duplicates: 1,
      notInArchive: 2,
      notFlagged,
      households: picked.slice(0, 6).map((p) => p.householdNo),
    });
  }
  return out;
}
