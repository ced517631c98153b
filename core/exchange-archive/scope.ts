// Which rows of each travelling table a township export carries: all of them, or the chosen
// batches with their households' full records and what those refer to (the rows are chosen in
// db/repos/exchange-scope.ts).
import { missingBatches, scopeOfBatches, WHOLE_ARCHIVE } from '../../db/repos/exchange-scope.ts';
import type { ScopeFilter } from '../../db/repos/exchange-scope.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { PackScope } from '../../shared/api/exchange.ts';
import { UserError } from '../../shared/errors.ts';

export type { ScopeFilter } from '../../db/repos/exchange-scope.ts';

export interface ResolvedScope {
  type: 'all' | 'batches';
  batchIds: string[];
  filter: ScopeFilter;
}

export function resolveScope(db: ReadDb, scope: PackScope): ResolvedScope {
  if (scope.type === 'all') return { type: 'all', batchIds: [], filter: WHOLE_ARCHIVE };
  const wanted = [...new Set(scope.batchIds)];
  const missing = missingBatches(db, wanted);
  if (missing.length) throw new UserError(`找不到所选的批次（${missing.slice(0, 3).join('、')}${missing.length > 3 ? ' 等' : ''}），可能已被删除：请刷新批次列表后重新选择。`);
  return { type: 'batches', batchIds: wanted, filter: scopeOfBatches(db, wanted) };
}
