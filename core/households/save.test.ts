import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOfHousehold } from '../../db/repos/audit.ts';
import { changeStatus } from '../../db/repos/households.ts';
import { householdById } from '../../db/repos/household-status.ts';
import { countRows, rowsWhere, tempDir } from '../../db/testing.ts';
import type { TestTable } from '../../db/testing.ts';
import { householdDraft } from '../../shared/api/index.ts';
import { EXPECTED_VERSION_MISSING } from '../../shared/api/households.ts';
import type { HouseholdDraft } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { acknowledge, applyAcks, householdProblems } from '../check-acks.ts';
import { checkArchive } from '../check.ts';
import { generateDemo } from '../demo/index.ts';
import { householdDetail } from './detail.ts';
import { saveHousehold } from './save.ts';
import { lastUndoable, undoLast } from './undo.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const TODAY = '2026-11-24';
let archive: Archive;
let villageId: string;

const id = (birth: string, seq: number, g: '男' | '女') => makeIdNumber('511922', birth, seq, g);
function draft(over: Partial<HouseholdDraft> = {}): HouseholdDraft {
  return {
    villageId,
    no: '5119229999000001',
    groupName: '三组',
    members: [
      { name: '周建国', relation: '户主', idNumber: id('1970-03-05', 11, '男') },
      { name: '吴秀英', relation: '配偶', idNumber: id('1972-08-19', 22, '女') },
      { name: '周小军', relation: '之子', idNumber: id('1996-01-30', 33, '男'), workMonths: 10, workStatus: '乡（镇）内务工' },
      { name: '周小丽', relation: '之女', idNumber: id('2012-06-01', 44, '女'), schoolStatus: '八年级' },
    ],
    incomes: [{ year: 2025, householdSize: 4, wageFen: 3_000_000, businessFen: 800_000, propertyFen: 0, familyPlanningFen: 0, dibaoFen: 0, tekunFen: 0, pensionFen: 0, ecoCompensationFen: 0, otherTransferFen: 0, businessExpenseFen: 200_000 }],
    ...over,
  };
}
const save = (d: HouseholdDraft) => saveHousehold(archive.db, actor, householdDraft.parse(d));
const count = (t: TestTable) => countRows(archive.db, t);

function refusal(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  archive = initArchive({ file: `${tempDir()}/a.db`, name: '青山镇', code: '511922101000', province: '四川省' }, actor);
  generateDemo(archive, { villages: 2, households: 30, seed: 'save', asOf: '2026-11-24', actor });
  villageId = rowsWhere(archive.db, 'villages').sort((a, b) => (a.code < b.code ? -1 : 1))[0]!.id;
});
afterEach(() => archive.close());

describe('saving a household', () => {
  it('creates a household of four, fills gender and birth date from the IDs, and audits it', () => {
    const hid = save(draft());
    const d = householdDetail(archive, hid, TODAY);
    expect(d.members.map((m) => [m.name, m.gender, m.birthDate, m.nameInitials])).toEqual([
      ['周建国', '男', '1970-03-05', 'zjg'],
      ['吴秀英', '女', '1972-08-19', 'wxy'],
      ['周小军', '男', '1996-01-30', 'zxj'],
      ['周小丽', '女', '2012-06-01', 'zxl'],
    ]);
    expect(d.incomes[0]).toMatchObject({ grossFen: 3_800_000, netFen: 3_600_000, perCapitaFen: 900_000 });
    expect(d.problems).toEqual([]);
    expect(auditOfHousehold(archive.db, hid)).toEqual([expect.objectContaining({ action: 'insert', operator: '李会计', note: expect.stringContaining('新增农户 5119229999000001（户主周建国，4人）') as unknown })]);
  });

  it('updates members and incomes, and undo puts the previous state back', () => {
    const membersBefore = count('members');
    const hid = save(draft());
    const before = householdDetail(archive, hid, TODAY);
    const members = before.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNumber: m.idNumber, schoolStatus: m.schoolStatus }));
    members[2] = { ...members[2]!, name: '周晓军' };
    save(draft({ id: hid, expectedVersion: before.household.version, members, incomes: [{ ...draft().incomes![0]!, wageFen: 1_000_000 }] }));
    const after = householdDetail(archive, hid, TODAY);
    expect(after.members[2]!.name).toBe('周晓军');
    expect(after.members[2]!.id).toBe(before.members[2]!.id);
    expect(after.incomes[0]!.perCapitaFen).toBe(400_000);
    expect(lastUndoable(archive.db)?.note).toMatch(/修改成员周晓军；修改收入/);

    undoLast(archive.db, actor);
    const undone = householdDetail(archive, hid, TODAY);
    expect(undone.members.map((m) => m.name)).toEqual(['周建国', '吴秀英', '周小军', '周小丽']);
    expect(undone.incomes[0]!.perCapitaFen).toBe(900_000);
    expect(undone.household.version).toBe(after.household.version + 1);
    // versions only go up, also for the restored member rows
    expect(undone.members[2]!.version).toBeGreaterThan(after.members[2]!.version);
    // the next undo reverses the creation itself
    undoLast(archive.db, actor);
    expect(() => householdDetail(archive, hid, TODAY)).toThrow(/找不到这一户/);
    expect(count('members')).toBe(membersBefore);
    expect(() => undoLast(archive.db, actor)).toThrow(/没有可以撤销的修改/);
  });

  it('refuses a wrong check digit, naming the member and field, and writes nothing', () => {
    const bad = id('1996-01-30', 33, '男').slice(0, 17) + 'X';
    const members = [...draft().members];
    members[2] = { ...members[2]!, idNumber: bad === id('1996-01-30', 33, '男') ? `${bad.slice(0, 17)}0` : bad };
    const counts = (['households', 'members', 'incomes', 'auditLog'] as const).map(count);
    const e = refusal(() => save(draft({ members })));
    expect(e.message).toMatch(/第3名家庭成员周小军的身份证号校验位错误/);
    expect(e.field).toBe('members.2.idNumber');
    expect((['households', 'members', 'incomes', 'auditLog'] as const).map(count)).toEqual(counts);
  });

  it.each([
    ['no head', (d: HouseholdDraft) => ({ ...d, members: d.members.map((m) => ({ ...m, relation: m.relation === '户主' ? '其他' : m.relation })) }), /没有户主/, 'members'],
    ['two heads', (d: HouseholdDraft) => ({ ...d, members: d.members.map((m, i) => ({ ...m, relation: i === 1 ? '户主' : m.relation })) }), /2名户主/, 'members.1.relation'],
    ['same ID twice', (d: HouseholdDraft) => ({ ...d, members: d.members.map((m, i) => (i === 3 ? { ...m, idNumber: d.members[2]!.idNumber } : m)) }), /第3名和第4名成员的身份证号相同/, 'members.3.idNumber'],
    ['cause repeated', (d: HouseholdDraft) => ({ ...d, mainCause: '因病', otherCauses: ['因病'] }), /不能与主要致贫原因相同/, 'otherCauses'],
  ])('refuses %s', (_name, change, message, field) => {
    const before = count('households');
    const e = refusal(() => save(change(draft())));
    expect(e.message).toMatch(message);
    expect(e.field).toBe(field);
    expect(count('households')).toBe(before);
  });

  it('refuses a person already registered in another household, and a taken 户编号', () => {
    const member = rowsWhere(archive.db, 'members', { leftReason: null })[0]!;
    const other = { idNumber: member.idNumber!, no: householdById(archive.db, member.householdId)!.no };
    const members = [...draft().members];
    members[3] = { ...members[3]!, idNumber: other.idNumber };
    expect(refusal(() => save(draft({ members }))).message).toMatch(new RegExp(`已登记在户编号 ${other.no}`));
    expect(refusal(() => save(draft({ no: other.no }))).message).toMatch(/已被另一户使用/);
  });

  it('leaves unchanged members and incomes alone (no new version), and says so in the log', () => {
    const hid = save(draft());
    const d = householdDetail(archive, hid, TODAY);
    const members = d.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNumber: m.idNumber, schoolStatus: m.schoolStatus, workMonths: m.workMonths, workStatus: m.workStatus }));
    members[1] = { ...members[1]!, name: '吴秀瑛' };
    save(draft({ id: hid, expectedVersion: d.household.version, members }));
    const after = householdDetail(archive, hid, TODAY);
    expect(after.members.map((m) => m.version)).toEqual([1, 2, 1, 1]);
    expect(after.incomes[0]!.version).toBe(1);
    expect(after.household.otherCauses).toBeNull();
    expect(auditOfHousehold(archive.db, hid)[0]!.note).toBe('修改农户 5119229999000001（户主周建国）：修改成员吴秀瑛');
  });

  it('refuses a save over someone else’s newer edit', () => {
    const hid = save(draft());
    const v = householdDetail(archive, hid, TODAY).household.version;
    save(draft({ id: hid, expectedVersion: v, groupName: '四组' }));
    expect(refusal(() => save(draft({ id: hid, expectedVersion: v, groupName: '五组' }))).message).toMatch(/已被别人/);
    expect(householdDetail(archive, hid, TODAY).household.groupName).toBe('四组');
  });

  it('refuses a save of an existing household without the version it was edited from (contract and core), writing nothing', () => {
    const hid = save(draft());
    const before = householdDetail(archive, hid, TODAY);
    const parsed = householdDraft.safeParse(draft({ id: hid, groupName: '五组' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['expectedVersion'], message: EXPECTED_VERSION_MISSING });
    const bypass = { ...householdDraft.parse(draft({ id: hid, expectedVersion: 1, groupName: '五组' })), expectedVersion: null };
    expect(refusal(() => saveHousehold(archive.db, actor, bypass)).message).toBe(EXPECTED_VERSION_MISSING);
    expect(householdDetail(archive, hid, TODAY)).toEqual(before);
    // A new household needs none.
    expect(householdDraft.safeParse(draft({ no: '5119229999000002', expectedVersion: null })).success).toBe(true);
  });

  it('refuses to undo a save when the household changed after it (e.g. a status decision)', () => {
    const hid = save(draft());
    changeStatus(archive.db, actor, { householdId: hid, status: 'edge', effectiveOn: '2026-11-24', decision: '镇〔2026〕3号' });
    expect(refusal(() => undoLast(archive.db, actor)).message).toMatch(/又被修改过/);
    expect(householdDetail(archive, hid, TODAY).household.status).toBe('edge');
  });

  it('undoes a save after one of its findings was marked 已核实无误, and the finding is raised again', () => {
    const hid = save(draft());
    const was = householdDetail(archive, hid, TODAY);
    // A 14-year-old with months of work: a finding the save lets in.
    const working = (d: HouseholdDraft, version: number): HouseholdDraft => ({ ...d, id: hid, expectedVersion: version, members: d.members.map((m) => (m.name === '周小丽' ? { ...m, workMonths: 3 } : m)) });
    save(working(draft(), was.household.version));
    const finding = householdProblems(archive, TODAY, hid).find((p) => p.field?.includes('workMonths'))!;
    expect(finding).toBeDefined();
    acknowledge(archive, actor, TODAY, { householdId: hid, code: finding.code, memberId: finding.memberId, field: finding.field, message: finding.message, reason: '电话号码经核实' });
    expect(applyAcks(archive.db, checkArchive(archive, { asOf: TODAY })).acknowledged.map((a) => a.problem.code)).toEqual([finding.code]);
    undoLast(archive.db, actor);
    expect(householdDetail(archive, hid, TODAY).members.find((m) => m.name === '周小丽')!.workMonths).toBe(was.members.find((m) => m.name === '周小丽')!.workMonths);
    expect(householdProblems(archive, TODAY, hid).some((p) => p.code === finding.code)).toBe(false);
    // Saved again with the same value, the mark does not hold: the data changed since.
    const now = householdDetail(archive, hid, TODAY);
    save(working(draft(), now.household.version));
    expect(householdProblems(archive, TODAY, hid).some((p) => p.code === finding.code)).toBe(true);
    expect(applyAcks(archive.db, checkArchive(archive, { asOf: TODAY })).acknowledged).toEqual([]);
  });
});
