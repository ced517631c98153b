// 导入部门名单: choose the file (and the department, or let the title say it) → check: the hits it
// would raise and every problem by row and column, nothing written → 确认导入.
import { Alert, App, Button, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ScreeningResult } from '../../../shared/api/index.ts';
import { DEPARTMENTS, DEPARTMENT_DEFS } from '../../../shared/screening/departments.ts';
import type { Department } from '../../../shared/screening/departments.ts';
import { api } from '../../api.ts';
import { toBase64 } from '../../file-base64.ts';

export default function ListImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [department, setDepartment] = useState<Department | null>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (f: { fileName: string; dataBase64: string }, d: Department | null) => {
    setBusy(true);
    try {
      setResult(await api.screening.check({ ...f, department: d }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file || !result) return;
    setBusy(true);
    try {
      const r = await api.screening.apply({ ...file, department: result.department, planStamp: result.planStamp });
      void message.success(`已导入${r.departmentLabel}名单，登记预警 ${r.counts.hits} 条`);
      onImported();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
    } finally {
      setBusy(false);
    }
  };
  const c = result?.counts;
  return (
    <Modal
      open
      width={1100}
      title="导入部门名单"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" data-testid="screening-confirm" disabled={!result || result.refused} loading={busy} onClick={() => void confirm()}>
            确认导入（登记 {c?.hits ?? 0} 条预警）
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="部门"
          allowClear
          placeholder="按标题自动识别部门"
          style={{ width: 180 }}
          value={department ?? undefined}
          onChange={(v: Department | undefined) => {
            setDepartment(v ?? null);
            if (file) void check(file, v ?? null);
          }}
          options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_DEFS[d].label }))}
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            void toBase64(f).then((dataBase64) => {
              const picked = { fileName: f.name, dataBase64 };
              setFile(picked);
              void check(picked, department);
            });
            return false;
          }}
        >
          <Button data-testid="screening-pick" loading={busy}>
            {file ? `重新选择（当前：${file.fileName}）` : '选择名单文件（.xlsx）'}
          </Button>
        </Upload>
      </Space>
      {result && c && (
        <>
          {result.refused ? (
            <Alert type="error" showIcon title="这份名单不能导入，档案没有任何改动" description={result.problems.map((p) => p.message).join('\n')} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />
          ) : (
            <Typography.Paragraph>
              <Tag color="blue">{result.departmentLabel}</Tag>“{result.title}”共 {c.rows} 人：比中 <b>{c.hits}</b> 人（按身份证号 {c.byId}，按姓名和出生日期 {c.byNameBirth}）；不在档案 {c.notInArchive}，号码有误 {c.malformedIds}，重复 {c.duplicates}，未达预警条件 {c.notFlagged}，已有待核实预警 {c.alreadyPending}。检查没有写入任何内容，核对后点“确认导入”。
            </Typography.Paragraph>
          )}
          {!result.refused && (
            <Table
              size="small"
              rowKey="rowNo"
              dataSource={result.hits}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: '行', dataIndex: 'rowNo', width: 50 },
                { title: '姓名', dataIndex: 'name', width: 80 },
                { title: '户编号', dataIndex: 'householdNo', width: 170 },
                { title: '村', dataIndex: 'villageName', width: 80 },
                { title: '预警原因', dataIndex: 'reason' },
                { title: '比对方式', dataIndex: 'matchedBy', width: 120, render: (m: string) => (m === 'id' ? '身份证号' : '姓名+出生日期') },
              ]}
            />
          )}
          {result.problems.length > 0 && !result.refused && (
            <Table
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              pagination={{ pageSize: 6, hideOnSinglePage: true }}
              title={() => `需要核对的行（${result.problems.length}）`}
              columns={[
                { title: '行', dataIndex: 'row', width: 50 },
                { title: '列', dataIndex: 'column', width: 120 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
