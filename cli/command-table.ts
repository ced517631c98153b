// The command table: names, one-line summaries and a loader per command. Only the command that
// runs is loaded, so `--help`, `stats` and the like never evaluate exceljs, pdfkit, echarts or the
// package crypto that other commands need (a test runs the bundled CLI and checks which modules
// it required). The summaries repeat each command's own; cli/command-table.test.ts keeps them equal.
import type { Command } from './command.ts';

export interface CommandEntry {
  name: string;
  /** One line, Chinese, for the command list (the same as the loaded command's). */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', summary: '新建一个空档案（乡镇档案或县级档案）', load: async () => (await import('./commands/init.ts')).init },
  { name: 'demo', summary: '在新建的空档案中生成虚构的演示乡镇数据（同一种子结果相同）', load: async () => (await import('./commands/demo.ts')).demo },
  { name: 'stats', summary: '统计：村、户、人，按状态、致贫原因、各村（挂图数据）', load: async () => (await import('./commands/stats.ts')).stats },
  { name: 'check', summary: '数据质量检查：列出错误和疑点数据（报县前自查）；--ack 标记已核实无误', load: async () => (await import('./commands/check.ts')).check },
  {
    name: 'import',
    summary: '导入国家系统导出的花名册（Excel），可重复导入更新的文件；全部成功或全部不写入；--dry-run 只检查不写入',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  { name: 'export-xlsx', summary: '把整个档案（或一个村）导出为花名册工作簿，可直接再导入', load: async () => (await import('./commands/export.ts')).exportXlsx },
  {
    name: 'doc',
    summary: '生成打印文档（公示、花名册、入户登记表、验收表、挂图、明白卡、会议记录），PDF 或 Excel',
    load: async () => (await import('./commands/doc.ts')).doc,
  },
  {
    name: 'contacts',
    summary: '公示和明白卡上印的联系方式：乡镇监督电话（12317 之外）、投诉监督地址、乡镇电话、各村村委会电话',
    load: async () => (await import('./commands/contacts.ts')).contacts,
  },
  {
    name: 'backup',
    summary: '备份：把档案完整复制为一个备份文件（档案在程序里打开时，请用程序菜单“文件 → 备份”）',
    load: async () => (await import('./commands/backup.ts')).backup,
  },
  {
    name: 'restore',
    summary: '恢复：用备份文件替换当前档案（当前档案先移到“备份”文件夹，不会删除）',
    load: async () => (await import('./commands/backup.ts')).restore,
  },
  {
    name: 'batch',
    summary: '工作流程批次：识别、边缘户认定、脱贫退出、返贫、监测对象识别、风险消除',
    load: async () => (await import('./commands/batch.ts')).batch,
  },
  {
    name: 'monitor',
    summary: '防返贫监测：监测对象、风险等级、本月待走访、走访和帮扶、风险消除',
    load: async () => (await import('./commands/monitor.ts')).monitor,
  },
  {
    name: 'screening',
    summary: '部门筛查预警：导入部门名单（医保、民政、残联等）与档案比对，预警登记、核实、发起监测识别、排除',
    load: async () => (await import('./commands/screening.ts')).screening,
  },
  {
    name: 'keys',
    summary:
      '密钥：new 在档案内生成本方密钥，public 保存公钥，export/import 换电脑时导出导入（口令保护），show 显示指纹供电话核对，trust 登记对方公钥，revoke 吊销（县级），list 已登记的公钥',
    load: async () => (await import('./commands/keys.ts')).keys,
  },
  {
    name: 'pack',
    summary: '制作加密签名的数据包：乡镇报送县级（全部档案或所选批次），县级向乡镇发送审核结果',
    load: async () => (await import('./commands/pack.ts')).pack,
  },
  {
    name: 'unpack',
    summary: '校验并导入数据包（县级导入乡镇报送，乡镇导入县级审核结果）；--dry-run 只检查并预览',
    load: async () => (await import('./commands/unpack.ts')).unpack,
  },
  {
    name: 'county',
    summary: '县级：各乡镇数据质量（同一套检查规则，按乡镇汇总）和各乡镇部门筛查预警，可导出 Excel',
    load: async () => (await import('./commands/county.ts')).county,
  },
  {
    name: 'audit',
    summary: '审计记录：verify 核验审计记录的校验链是否完整（完整退出码 0，有断点退出码 1）',
    load: async () => (await import('./commands/audit.ts')).audit,
  },
];
