// Asked whenever unsaved household edits would be left behind: another screen, Back, Esc,
// closing the archive. Default is to stay.
import { Button, Modal } from 'antd';
import { useSaveHousehold } from '../household/use-save.ts';
import { useStore } from '../store/index.ts';

export default function LeavePrompt() {
  const pending = useStore((s) => s.pendingLeave);
  const cancel = useStore((s) => s.cancelLeave);
  const confirm = useStore((s) => s.confirmLeave);
  const save = useSaveHousehold();

  const saveThenLeave = async (): Promise<void> => {
    const then = useStore.getState().pendingLeave;
    cancel();
    if ((await save()) && then) then();
  };

  return (
    <Modal
      open={pending !== null}
      title="有未保存的修改"
      onCancel={cancel}
      footer={[
        <Button key="stay" autoFocus onClick={cancel}>
          继续编辑
        </Button>,
        <Button key="drop" danger onClick={confirm} data-testid="discard-changes">
          不保存，离开
        </Button>,
        <Button key="save" type="primary" onClick={() => void saveThenLeave()}>
          保存后离开
        </Button>,
      ]}
    >
      当前农户的修改还没有保存。离开后这些修改将丢失。
    </Modal>
  );
}
