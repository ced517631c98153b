// Who is working: every change in the archive is recorded with this name (谁签字谁负责).
// Remembered by the shell (archive.setOperator) and in localStorage to prefill next time.
import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { OPERATOR_KEY } from '../store/session-slice.ts';
import { useStore } from '../store/index.ts';

function remembered(): string {
  try {
    return localStorage.getItem(OPERATOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export default function OperatorDialog(props: { open: boolean; required?: boolean; onClose: () => void }) {
  const current = useStore((s) => s.session?.operator ?? null);
  const setOperator = useStore((s) => s.setOperator);
  const { message } = App.useApp();
  const [name, setName] = useState(() => current ?? remembered());
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const trimmed = name.trim();
    if (!trimmed) {
      void message.warning('请填写操作员姓名');
      return;
    }
    setBusy(true);
    try {
      await setOperator(trimmed);
      void message.success(`操作员：${trimmed}`);
      props.onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.required ? '请先填写操作员' : '更换操作员'}
      okText="确定"
      cancelText="取消"
      closable={!props.required}
      mask={{ closable: !props.required }}
      keyboard={!props.required}
      cancelButtonProps={{ style: props.required ? { display: 'none' } : {} }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">档案的每一次修改都会记录操作员姓名（谁签字谁负责）。</Typography.Paragraph>
      <Input
        autoFocus
        aria-label="操作员姓名"
        data-testid="operator-name"
        maxLength={20}
        value={name}
        placeholder="例如：王小明"
        onChange={(e) => setName(e.target.value)}
        onPressEnter={(e) => {
          if (!e.nativeEvent.isComposing) void submit();
        }}
      />
    </Modal>
  );
}
