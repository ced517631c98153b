// 撤销上一次修改: enabled when the archive has a change that can be undone; its note is the tooltip.
import { App, Button, Tooltip } from 'antd';
import { API } from '../../shared/api/index.ts';
import { auditSummary } from '../editor/audit-summary.ts';
import { useMay } from '../hooks/use-may.ts';
import { selectDirty, useStore } from '../store/index.ts';

export default function UndoButton() {
  const last = useStore((s) => s.lastAudit);
  const undoLast = useStore((s) => s.undoLast);
  const { modal, message } = App.useApp();
  const mayUndo = useMay(API.audit.undoLast);
  const describe = last ? (last.note ?? (auditSummary(last.before, last.after) || `${last.action} ${last.tableName}`)) : '';

  const run = async (): Promise<void> => {
    try {
      const r = await undoLast();
      void message.success(`已撤销：${r.undone.note ?? describe}`);
      const st = useStore.getState();
      if (r.householdId && st.editor.householdId === r.householdId) {
        if (selectDirty(st)) void message.warning('本户刚被撤销了一次修改；你正在编辑的内容尚未保存，保存时如提示版本冲突，请先记下修改再重新打开。', 8);
        else await st.openHousehold(r.householdId);
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const confirm = (): void => {
    if (!last) return;
    modal.confirm({
      title: '撤销上一次修改？',
      content: `${describe}（${last.operator}，${new Date(last.at).toLocaleString('zh-CN')}）`,
      okText: '撤销',
      cancelText: '取消',
      onOk: run,
    });
  };

  // A role that may not change the archive may not undo a change either.
  if (!mayUndo) return null;
  return (
    <Tooltip title={last ? `上一次修改：${describe}` : '没有可以撤销的修改'}>
      <Button data-testid="undo-last" disabled={!last} onClick={confirm}>
        撤销上一次修改
      </Button>
    </Tooltip>
  );
}
