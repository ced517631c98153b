// County mode: the 预警 the townships sent (screening_alerts travel in whole-archive packages),
// per township — counts by department and status, overdue — read-only; the list itself is the
// register filtered to one township (screening.list with townshipId).
import type { Archive, Db } from '../../db/open.ts';
import { townshipById, townshipList } from '../../db/repos/exchange-county.ts';
import type { CountyScreeningView } from '../../shared/api/screening.ts';
import { UserError } from '../../shared/errors.ts';
import { identityOf } from '../exchange-archive/keys.ts';
import { registerCounts } from './register.ts';

export function countyScreening(archive: Archive, today: string): CountyScreeningView {
  if (identityOf(archive).role !== 'county') throw new UserError('这是乡镇档案：各乡镇的部门预警汇总只在县级档案中查看；本乡镇的预警请看“部门预警”。');
  const { db } = archive;
  const townships = townshipList(db).map((t) => ({ townshipId: t.id, name: t.name, code: t.code, ...registerCounts(db, today, t.id) }));
  const sum = (f: (t: (typeof townships)[number]) => number): number => townships.reduce((n, t) => n + f(t), 0);
  return { asOf: today, townships, totals: { total: sum((t) => t.total), pending: sum((t) => t.byStatus.pending), overdue: sum((t) => t.overdue) } };
}

/** The township's name for a title ('' when the archive does not hold it). */
export function townshipName(db: Db, townshipId: string): string {
  return townshipById(db, townshipId)?.name ?? '';
}
