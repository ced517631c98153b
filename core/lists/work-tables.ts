// 行政村 and 流程批次 as the screens list them: the villages with their households and people, the
// batches (filtered by 程序, 年度, 状态, 行政村 as on screen) with where each stands and what is next.
import type { ListExportRequest } from '../../shared/api/lists.ts';
import type { Session } from '../session.ts';
import { listVillages } from '../villages.ts';
import { listBatches } from '../workflows/list.ts';
import type { ListColumn, ListTable } from './tables.ts';

export function villagesTable(s: Session): ListTable {
  const villages = listVillages(s.requireArchive().db);
  const columns: ListColumn[] = [
    { label: '序号', width: 7 },
    { label: '区划代码', width: 16, text: true },
    { label: '行政村', width: 12 },
    { label: '贫困村', width: 8 },
    { label: '出列年度', width: 9 },
    { label: '总户数', width: 8 },
    { label: '人数', width: 8 },
    { label: '建档户数', width: 9 },
    { label: '建档人数', width: 9 },
    { label: '第一书记', width: 10 },
  ];
  const rows = villages.map((v, i) => [i + 1, v.code, v.name, v.isPoorVillage ? '是' : '否', v.exitYear, v.households, v.members, v.registeredHouseholds, v.registeredMembers, v.firstSecretary]);
  return { name: '行政村名单', title: '行政村名单', subtitle: `共 ${villages.length} 个行政村`, columns, rows };
}

export function batchesTable(s: Session, f: Extract<ListExportRequest, { kind: 'batches' }>['filter']): ListTable {
  const db = s.requireArchive().db;
  const batches = listBatches(db, f, s.today());
  const columns: ListColumn[] = [
    { label: '序号', width: 7 },
    { label: '批次', width: 30 },
    { label: '程序', width: 14 },
    { label: '年度', width: 7 },
    { label: '行政村', width: 12 },
    { label: '户数', width: 6 },
    { label: '当前环节', width: 14 },
    { label: '下一步 / 受阻原因', width: 50 },
    { label: '状态', width: 12 },
  ];
  const rows = batches.map((b, i) => [
    i + 1,
    b.title,
    b.kindLabel,
    b.year,
    b.village ?? '全镇',
    b.householdCount,
    b.currentStep ? `第${b.currentStep.seq}步 ${b.currentStep.label}` : null,
    b.next,
    b.overQuota ? `${b.statusLabel}（超规模）` : b.statusLabel,
  ]);
  return { name: '流程批次清单', title: '流程批次清单', subtitle: `统计日期 ${s.today()} · 共 ${batches.length} 个批次`, columns, rows };
}
