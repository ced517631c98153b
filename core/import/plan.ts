// Re-import: the parsed file compared with the archive before anything is written. Households
// are matched by 户编号, members by ID number (by name when a member has none). The plan says
// what is new, what changes field by field, and what the archive holds that the file does not.
import { createHash } from 'node:crypto';
import type { Archive } from '../../db/open.ts';
import { currentMembersOf, householdsByNos, householdsWithHeads, incomesOfYear, villageNames } from '../../db/repos/imports.ts';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../../shared/records.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import { display, LABELS, householdValues, incomeValues, memberValues, sameValue } from './records.ts';
import type { HouseholdValues, IncomeValues, MemberValues } from './records.ts';
import type { ParsedHousehold, ParsedMember } from './types.ts';

type HouseholdRow = HouseholdRecord;
type MemberRow = MemberRecord;
type IncomeRow = IncomeRecord;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface MemberChange {
  name: string;
  changes: FieldChange[];
}

export interface HouseholdUpdate {
  parsed: ParsedHousehold;
  existing: HouseholdRow;
  /** The village the file puts the household in, when it differs (a name: it may be new). */
  village: string | null;
  household: HouseholdValues;
  income: IncomeValues | null;
  existingIncome: IncomeRow | null;
  changes: FieldChange[];
  membersAdded: { parsed: ParsedMember; values: MemberValues }[];
  membersChanged: { existing: MemberRow; values: MemberValues; change: MemberChange }[];
  /** Members the archive holds that the file no longer lists. */
  membersMissing: MemberRow[];
}

export interface ImportPlan {
  added: ParsedHousehold[];
  updated: HouseholdUpdate[];
  unchanged: number;
  /** Households of the villages the file covers that the file does not list (never deleted). */
  notInFile: { no: string; head: string }[];
  /**
   * What the plan was made from: every 户编号 of the file with the archive's household id and
   * version (or none), and the plan itself. A confirm after a preview compares it: any save to
   * one of these households since (a member or an income bumps the version too) changes it.
   */
  stamp: string;
}

function diff(stored: object, after: Record<string, unknown>, labels: Record<string, string>, skip: readonly string[] = []): FieldChange[] {
  const before = stored as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const [field, v] of Object.entries(after)) {
    if (skip.includes(field) || sameValue(before[field], v)) continue;
    out.push({ field, label: labels[field] ?? field, before: display(field, before[field]), after: display(field, v) });
  }
  return out;
}

function matchMembers(parsed: ParsedMember[], existing: MemberRow[]): Map<ParsedMember, MemberRow> {
  const byId = new Map(existing.filter((m) => m.idNumber).map((m) => [m.idNumber!, m]));
  const matched = new Map<ParsedMember, MemberRow>();
  const used = new Set<MemberRow>();
  for (const p of parsed) {
    const m = p.idNumber ? byId.get(p.idNumber) : undefined;
    if (m) {
      matched.set(p, m);
      used.add(m);
    }
  }
  // Without a usable ID number, the same name in the same household is the same person.
  for (const p of parsed) {
    if (matched.has(p)) continue;
    const m = existing.find((e) => !used.has(e) && e.name === p.name && (!e.idNumber || !p.idNumber));
    if (m) {
      matched.set(p, m);
      used.add(m);
    }
  }
  return matched;
}

function planUpdate(h: ParsedHousehold, existing: HouseholdRow, villageName: string, current: MemberRow[], income: IncomeRow | null): HouseholdUpdate {
  const household = householdValues(h);
  const changes = diff(existing, household, LABELS.household);
  const village = h.village && h.village !== villageName ? h.village : null;
  if (village) changes.unshift({ field: 'villageId', label: '行政村', before: villageName, after: village });
  const incomeNew = incomeValues(h);
  if (incomeNew) changes.push(...diff(income ?? {}, incomeNew, LABELS.income).map((c) => ({ ...c, label: `收入：${c.label}` })));
  const matched = matchMembers(h.members, current);
  const update: HouseholdUpdate = { parsed: h, existing, village, household, income: incomeNew, existingIncome: income, changes, membersAdded: [], membersChanged: [], membersMissing: [] };
  h.members.forEach((p, i) => {
    const values = memberValues(p, i + 1);
    const m = matched.get(p);
    if (!m) {
      update.membersAdded.push({ parsed: p, values });
      return;
    }
    const memberChanges = diff(m, values, LABELS.member, ['seq', 'nameInitials']);
    if (memberChanges.length || m.seq !== i + 1) update.membersChanged.push({ existing: m, values, change: { name: p.name, changes: memberChanges } });
  });
  const kept = new Set(matched.values());
  update.membersMissing = current.filter((m) => !kept.has(m));
  return update;
}

export function isUnchanged(u: HouseholdUpdate): boolean {
  return u.changes.length === 0 && u.membersAdded.length === 0 && u.membersMissing.length === 0 && u.membersChanged.every((c) => c.change.changes.length === 0 && c.existing.seq === c.values.seq);
}

export function planImport(archive: Archive, parsed: ParsedHousehold[], year: number): ImportPlan {
  const { db } = archive;
  const nos = parsed.map((h) => h.no);
  const existing = new Map(householdsByNos(db, nos).map((h) => [h.no, h]));
  const ids = [...existing.values()].map((h) => h.id);
  const memberRows = currentMembersOf(db, ids);
  const membersOf = new Map<string, MemberRow[]>();
  for (const m of memberRows) membersOf.set(m.householdId, [...(membersOf.get(m.householdId) ?? []), m]);
  const incomeOf = new Map(incomesOfYear(db, ids, year).map((r) => [r.householdId, r]));
  const villageRows = villageNames(db);
  const villageName = new Map(villageRows.map((v) => [v.id, v.name]));

  const plan: ImportPlan = { added: [], updated: [], unchanged: 0, notInFile: [], stamp: '' };
  const stamp = createHash('sha256').update(String(year));
  for (const h of parsed) {
    const e = existing.get(h.no);
    stamp.update(`\n${h.no}\t${e ? `${e.id}\t${e.version}` : '-'}`);
    if (!e) {
      plan.added.push(h);
      continue;
    }
    const u = planUpdate(h, e, villageName.get(e.villageId) ?? '', (membersOf.get(e.id) ?? []).sort((a, b) => a.seq - b.seq), incomeOf.get(e.id) ?? null);
    if (isUnchanged(u)) plan.unchanged++;
    else plan.updated.push(u);
  }
  // What the archive holds in the villages the file covers, but the file does not list.
  const covered = villageRows.filter((v) => parsed.some((h) => h.village === v.name)).map((v) => v.id);
  const listed = new Set(nos);
  plan.notInFile = householdsWithHeads(db, covered)
    .filter((r) => !listed.has(r.no))
    .map((r) => ({ no: r.no, head: r.head ?? '' }));
  plan.stamp = stamp.update(JSON.stringify(planView(plan, Infinity))).digest('hex');
  return plan;
}

/** The plan as the clerk reads it in a preview (capped: the counts are exact, the list is not). */
export interface PlanView {
  added: number;
  updated: number;
  unchanged: number;
  notInFile: { no: string; head: string }[];
  membersAdded: number;
  membersChanged: number;
  membersMissing: number;
  addedList: { no: string; head: string; village: string; members: number }[];
  changes: { no: string; head: string; fields: FieldChange[]; membersAdded: string[]; membersChanged: MemberChange[]; membersMissing: string[] }[];
}

export function planView(plan: ImportPlan, limit = 500): PlanView {
  const headOf = (h: ParsedHousehold) => h.members.find((m) => m.relation === '户主')?.name ?? h.members[0]?.name ?? '';
  return {
    added: plan.added.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged,
    notInFile: plan.notInFile.slice(0, limit),
    membersAdded: plan.added.reduce((n, h) => n + h.members.length, 0) + plan.updated.reduce((n, u) => n + u.membersAdded.length, 0),
    membersChanged: plan.updated.reduce((n, u) => n + u.membersChanged.filter((c) => c.change.changes.length).length, 0),
    membersMissing: plan.updated.reduce((n, u) => n + u.membersMissing.length, 0),
    addedList: plan.added.slice(0, limit).map((h) => ({ no: h.no, head: headOf(h), village: h.village, members: h.members.length })),
    changes: plan.updated.slice(0, limit).map((u) => ({
      no: u.parsed.no,
      head: headOf(u.parsed),
      fields: u.changes,
      membersAdded: u.membersAdded.map((m) => m.parsed.name),
      membersChanged: u.membersChanged.filter((c) => c.change.changes.length).map((c) => c.change),
      membersMissing: u.membersMissing.map((m) => `${m.name}${m.idNumber ? `（${maskIdNumber(m.idNumber)}）` : ''}`),
    })),
  };
}
