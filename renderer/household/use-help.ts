// 帮扶 changes go straight to the archive (not through the draft): run one, say so or show the
// Chinese error, then reload the household detail and the undo button.
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/index.ts';
import type { HelperView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { useStore } from '../store/index.ts';

export type HelpRun = <T>(call: () => Promise<T>, done: string, onError?: (e: ApiError) => void) => Promise<T | null>;

export function useHelpAction(): HelpRun {
  const { message } = App.useApp();
  return useCallback(
    async <T,>(call: () => Promise<T>, done: string, onError?: (e: ApiError) => void): Promise<T | null> => {
      let value: T;
      try {
        value = await call();
      } catch (e) {
        void message.error(e instanceof Error ? e.message : String(e), 6);
        if (e instanceof ApiError) onError?.(e);
        return null;
      }
      void message.success(done);
      try {
        await useStore.getState().reloadDetail();
      } catch (e) {
        void message.error(`已保存，但刷新本户信息失败：${e instanceof Error ? e.message : String(e)}`, 6);
      }
      return value;
    },
    [message],
  );
}

/** The township's helpers, for the pickers; `reload` after adding one or pairing. */
export function useHelpers(): { helpers: HelperView[]; reload: () => Promise<void> } {
  const { message } = App.useApp();
  const [helpers, setHelpers] = useState<HelperView[]>([]);
  const reload = useCallback(async () => {
    try {
      setHelpers(await api.help.helpers({}));
    } catch (e) {
      void message.error(`读取帮扶责任人失败：${e instanceof Error ? e.message : String(e)}`, 6);
    }
  }, [message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { helpers, reload };
}
