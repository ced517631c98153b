// The 预警 register as a workbook (部门筛查预警台账): the rows the screen shows, with the
// department's reason and figures, status, due date and result. No ID numbers: the register
// names the household and the person only.
import type { AlertRegister } from '../../shared/api/screening.ts';
import { loadExcelJS } from '../files/exceljs.ts';

const HEADERS = ['序号', '部门', '行政村', '户编号', '户主', '预警人员', '预警原因', '数据', '名单', '名单日期', '状态', '核实期限', '是否逾期', '核实情况 / 排除理由', '处理人', '处理日期'];
const WIDTHS = [6, 12, 10, 18, 8, 8, 40, 40, 30, 11, 16, 11, 8, 36, 8, 11];

export async function registerWorkbook(r: AlertRegister, title: string): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('部门筛查预警');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(HEADERS).font = { bold: true };
  r.alerts.forEach((a, i) =>
    ws.addRow([
      i + 1,
      a.departmentLabel,
      a.villageName,
      a.householdNo,
      a.head ?? '',
      a.memberName ?? '',
      a.reason,
      Object.entries(a.figures)
        .map(([k, v]) => `${k}：${v}`)
        .join('；'),
      a.listTitle,
      a.listDate,
      a.statusLabel,
      a.dueOn,
      a.overdue ? '是' : '否',
      a.result ?? '',
      a.resolvedBy ?? '',
      a.resolvedOn ?? '',
    ]),
  );
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
