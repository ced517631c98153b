// 已核实无误: the finding, and the reason the clerk found it correct (required). Saved with the
// operator and the archive's today; raised again when the data changes.
import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Problem } from '../../../shared/quality/types.ts';
import { api } from '../../api.ts';

export default function AckModal({ problem, onClose }: { problem: Problem | null; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = (saved: boolean): void => {
    setReason('');
    setError(null);
    onClose(saved);
  };
  const save = async (): Promise<void> => {
    if (!problem) return;
    if (!reason.trim()) {
      setError('请填写核实无误的理由，例如“经入户核实，该成员确为技能劳动力”。');
      return;
    }
    setBusy(true);
    try {
      await api.quality.ack({ householdId: problem.householdId, code: problem.code, memberId: problem.memberId, field: problem.field, message: problem.message, reason: reason.trim() });
      void message.success(`已核实无误：${problem.code} ${problem.household}${problem.member ? ` ${problem.member}` : ''}。数据再有改动时会重新提示。`);
      close(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={problem !== null} title="核实无误" okText="确认核实无误" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={() => close(false)} destroyOnHidden>
      {problem && (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>
              {problem.code} {problem.title}
            </Typography.Text>
            <br />
            {problem.village} · 户编号 {problem.household}
            {problem.member ? ` · ${problem.member}` : ''}：{problem.message}
          </Typography.Paragraph>
          <Input.TextArea aria-label="核实理由" autoFocus autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} placeholder="核实无误的理由（必填），例如：经入户核实，情况属实" value={reason} status={error ? 'error' : undefined} onChange={(e) => setReason(e.target.value)} data-testid="ack-reason" />
          {error && <div className="field-error">{error}</div>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            记录核实人和日期；这条问题不再计入错误和疑点。这一户（或该成员）的数据以后有改动时，会重新提示。
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
