// After a reload: unsaved household drafts of this archive kept in sessionStorage are offered
// back (the household page itself asks whether to restore when opened).
import { App, Button } from 'antd';
import { useEffect } from 'react';
import { listStoredDrafts } from '../editor/draft-storage.ts';
import { useStore } from '../store/index.ts';

export default function StoredDraftsNotice() {
  const { notification } = App.useApp();
  const archive = useStore((s) => s.session?.archive?.file ?? '');

  useEffect(() => {
    let drafts;
    try {
      drafts = listStoredDrafts(window.sessionStorage, archive);
    } catch {
      return;
    }
    const screen = useStore.getState().screen;
    const others = drafts.filter((d) => !(screen.name === 'household' && screen.id === d.householdId));
    for (const d of others) {
      const key = `draft-${d.householdId ?? 'new'}`;
      notification.info({
        key,
        title: '有未保存的农户修改',
        description: `${d.label}（${new Date(d.savedAt).toLocaleString('zh-CN')}）`,
        duration: 0,
        placement: 'bottomRight',
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy(key);
              useStore.getState().navigate({ name: 'household', id: d.householdId });
            }}
          >
            打开并恢复
          </Button>
        ),
      });
    }
  }, [archive, notification]);
  return null;
}
