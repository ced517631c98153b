// 报送前检查: the rows of the chosen scope the county would refuse, as the send screen lists them —
// each with its household (户编号, 户主, 村) and member, so 打开农户 goes straight to the record to
// correct. The same check `pack` runs before packing (export.ts), which refuses with these lines.
import type { ReadDb } from '../../db/handles.ts';
import { householdBriefs } from '../../db/repos/household-briefs.ts';
import type { PackProblemView, PackScope } from '../../shared/api/exchange.ts';
import { peopleProblems } from './export.ts';
import { problemLine } from './problems.ts';
import type { Problem } from './problems.ts';
import { resolveScope } from './scope.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function householdIdOf(p: Problem): string | null {
  return p.table === 'households' ? str(p.row?.id) : str(p.row?.household_id);
}

export function packCheck(db: ReadDb, scope: PackScope, now: Date, signal?: AbortSignal): PackProblemView[] {
  const problems = peopleProblems(db, resolveScope(db, scope).filter, now, signal);
  const ids = [...new Set(problems.map(householdIdOf).filter((x): x is string => x !== null))];
  const briefs = new Map(householdBriefs(db, ids).map((b) => [b.id, b]));
  return problems.map((p) => {
    const householdId = householdIdOf(p);
    const b = householdId ? briefs.get(householdId) : undefined;
    const member = p.table === 'members';
    return {
      householdId: b ? householdId : null,
      memberId: member ? str(p.row?.id) : null,
      no: b?.no ?? p.household ?? null,
      head: b?.head ?? null,
      village: b?.villageName ?? null,
      member: member ? str(p.row?.name) : null,
      column: p.problems[0]?.column ?? null,
      line: problemLine(p),
    };
  });
}
