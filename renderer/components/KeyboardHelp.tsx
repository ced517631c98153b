// 快捷键: every key the app answers, in one list — opened with F1 anywhere or the header's button,
// so keyboard-first entry is discoverable, not folklore.
import { Modal, Table } from 'antd';
import { useEffect } from 'react';

export const SHORTCUTS: { keys: string; where: string; what: string }[] = [
  { keys: 'F1', where: '任何界面', what: '打开本快捷键列表' },
  { keys: '↑ / ↓，PageUp / PageDown', where: '农户档案列表', what: '在农户之间移动' },
  { keys: 'Enter', where: '农户档案列表', what: '打开选中的农户' },
  { keys: 'Enter / Shift+Enter', where: '农户编辑', what: '到下一格 / 上一格；在成员表最后一格按 Enter 新增一名成员' },
  { keys: 'Ctrl+Enter', where: '家庭成员表', what: '本行已填完：直接跳到下一名成员的姓名（没有就新增一行）' },
  { keys: 'Ctrl+S', where: '农户编辑', what: '保存' },
  { keys: 'Alt+1 … Alt+8', where: '农户编辑', what: '切换到第 1…8 个标签页（基本情况、家庭成员、收入……），光标落在该页第一格' },
  { keys: 'Esc', where: '农户编辑', what: '回到农户列表（有未保存的修改会先询问）' },
  { keys: 'Enter', where: '对话框（新增、登记、修改……）', what: '在文字框里按 Enter 等于点“保存 / 确定”（删除、消除等危险操作除外）' },
  { keys: 'Esc', where: '对话框', what: '关闭对话框，不保存' },
  { keys: '输入文字', where: '下拉选择框', what: '按名称或常用别名查找（如“儿子”找到“之子”），以输入开头的选项排在最前，Enter 选中' },
];

export default function KeyboardHelp(props: { open: boolean; onClose: () => void }) {
  // Esc closes it wherever the focus is (the list may open before the dialog has taken the focus).
  const { open, onClose } = props;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  return (
    <Modal open={props.open} title="快捷键" footer={null} onCancel={props.onClose} width={720} data-testid="keyboard-help">
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={SHORTCUTS}
        columns={[
          { title: '按键', dataIndex: 'keys', width: 190, render: (k: string) => <kbd style={{ whiteSpace: 'nowrap' }}>{k}</kbd> },
          { title: '在哪里', dataIndex: 'where', width: 110 },
          { title: '做什么', dataIndex: 'what' },
        ]}
      />
    </Modal>
  );
}

/** F1 opens the list from anywhere (the browser's own help is not what a clerk wants here). */
export function useF1(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F1') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
