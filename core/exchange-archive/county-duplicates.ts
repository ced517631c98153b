// County-level finding (issue 16): the same person registered in two townships. Each township's
// own check (Q105 同一人在两户) sees its own households only, so a person in 青山镇 and in 白水乡
// is found nowhere but at the county: Q105X, one finding per member involved, in that member's
// township, naming the other townships' households and members. The ID number is shown masked.
import { crossTownshipIdRows } from '../../db/repos/county-quality.ts';
import type { CrossTownshipRow } from '../../db/repos/county-quality.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { CountyFinding } from '../../shared/api/county-quality.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import { Q105X } from '../../shared/quality/county-rules.ts';


/** Every current member whose valid ID number is also a current member's in another township. */
export function crossTownshipDuplicates(db: ReadDb, asOf: string): CountyFinding[] {
  const day = new Date(`${asOf}T00:00:00Z`);
  const groups = new Map<string, CrossTownshipRow[]>();
  for (const row of crossTownshipIdRows(db)) {
    if (!parseIdNumber(row.idNumber, day).ok) continue;
    const g = groups.get(row.idNumber);
    if (g) g.push(row);
    else groups.set(row.idNumber, [row]);
  }
  const out: CountyFinding[] = [];
  let person = 0;
  for (const [idNumber, group] of groups) {
    person += 1;
    for (const row of group) {
      const others = group.filter((o) => o.townshipId !== row.townshipId).map((o) => `${o.township}户编号${o.no}（${o.village}，${o.name}）`);
      if (others.length === 0) continue;
      out.push({
        code: Q105X.code,
        severity: Q105X.severity,
        title: Q105X.title,
        townshipId: row.townshipId,
        township: row.township,
        person,
        householdId: row.householdId,
        household: row.no,
        village: row.village,
        member: row.name,
        memberId: row.memberId,
        field: 'idNumber',
        message:
          `${row.township}成员${row.name}${row.relation ? `（${row.relation}）` : ''}的身份证号${maskIdNumber(idNumber)}同时登记在${[...new Set(others)].join('、')}中，` +
          '同一人只能在一个乡镇建档，请两乡镇核实后在其中一户办理减员',
      });
    }
  }
  return out;
}
