// Saving: says 已保存, or shows the Chinese error (the field is highlighted by the store).
import { App } from 'antd';
import { useCallback } from 'react';
import { selectDirty, useStore } from '../store/index.ts';

export function useSaveHousehold(): () => Promise<boolean> {
  const { message } = App.useApp();
  return useCallback(async () => {
    const st = useStore.getState();
    if (st.editor.householdId && !selectDirty(st)) {
      void message.info('没有修改，无需保存');
      return true;
    }
    const r = await st.saveHousehold();
    switch (r.status) {
      case 'saved':
        void message.success('已保存');
        return true;
      case 'invalid':
      case 'failed':
        void message.error(r.message, 6);
        return false;
    }
  }, [message]);
}
