// Every list on screen goes to Excel as the clerk sees it (its filters, its search, its order):
// 农户档案, 行政村, 流程批次, 防返贫监测 (本月待走访 …), a batch's 农户 and 数据检查 (as the county's 问题清单).
// One endpoint, one table writer.
import { z } from 'zod';
import { CATEGORY_LABELS } from '../quality/types.ts';
import type { Category } from '../quality/types.ts';
import { READ } from '../roles.ts';
import { endpoint, offThread } from './endpoint.ts';
import { packScope } from './exchange.ts';
import { householdFilter } from './households.ts';
import { monitoringApi } from './monitoring.ts';
import { WORKFLOW_KINDS } from '../workflows/index.ts';

export const LIST_KINDS = ['households', 'villages', 'batches', 'monitoring', 'batch-households', 'problems', 'county-quality', 'township-problems', 'pack-problems'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_LABELS: Record<ListKind, string> = {
  households: '农户名单',
  villages: '行政村名单',
  batches: '流程批次清单',
  monitoring: '监测对象名单',
  'batch-households': '批次农户名单',
  problems: '数据质量问题清单',
  'county-quality': '各乡镇数据质量汇总',
  'township-problems': '乡镇数据质量问题清单',
  'pack-problems': '报送前检查问题清单',
};

export interface ListFile {
  file: string;
  /** Rows written (households or objects). */
  rows: number;
}

export const listsApi = {
  /** Writes the list to an .xlsx (default: the data folder's 文档/, named after the list and the time). */
  export: offThread(
    endpoint<ListFile>()(
      'lists.export',
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('households'), filter: householdFilter.omit({ limit: true, offset: true }) }),
        z.object({ kind: z.literal('monitoring'), filter: monitoringApi.board.input }),
        z.object({ kind: z.literal('villages') }),
        /** 流程批次 under the screen's filters. */
        z.object({
          kind: z.literal('batches'),
          filter: z.object({
            kind: z.enum(WORKFLOW_KINDS, '程序类型无效').nullable().default(null),
            year: z.number().int().nullable().default(null),
            villageId: z.string().nullable().default(null),
            status: z.enum(['open', 'closed', 'cancelled']).nullable().default(null),
          }),
        }),
        z.object({ kind: z.literal('batch-households'), batchId: z.string().min(1, '缺少批次编号') }),
        // County mode: the per-township quality summary, and one township's findings.
        z.object({ kind: z.literal('county-quality') }),
        z.object({ kind: z.literal('township-problems'), townshipId: z.string().min(1, '缺少乡镇编号') }),
        /** 报送前检查: what the county would refuse in the chosen scope (the send screen's list). */
        z.object({ kind: z.literal('pack-problems'), scope: packScope }),
        z.object({
          kind: z.literal('problems'),
          /** The 数据检查 screen's filters as it applies them (shared/quality/filter.ts): the rows shown, no more. */
          filter: z.object({
            /** One village (by id; the screen sends it for the village it filters by name). */
            villageId: z.string().nullable().default(null),
            category: z.enum(Object.keys(CATEGORY_LABELS) as [Category, ...Category[]]).nullable().default(null),
            severity: z.enum(['error', 'warning']).nullable().default(null),
            /** A rule's code. */
            code: z.string().trim().max(12).nullable().default(null),
            /** The screen's search: rule, 户编号, name or message. */
            search: z.string().trim().max(40).default(''),
            /** The 已核实无误 findings too (with who, when and why in 整改情况), as 显示已核实 lists them. */
            showAcked: z.boolean().default(false),
          }),
        }),
      ]).and(
        z.object({
          out: z.string().trim().min(1, '请选择保存位置').max(1000, '保存位置过长').nullable().default(null),
          overwrite: z.boolean().default(false),
        }),
      ),
      READ,
      { out: 'write' },
    ),
  ),
};

export type ListExportRequest = z.output<typeof listsApi.export.input>;
