// What the preload hands to the page, built without Electron so it can be tested: one
// frozen object with one function. Channels outside the contract are refused here, before
// anything reaches IPC (main refuses them too: they are never registered there).
import type { Envelope, Transport } from '../shared/api/index.ts';

export interface ReliefArchiveBridge {
  readonly invoke: Transport;
}

export const SHELL_EVENT = 'relief-archive:shell';

function refused(message: string, kind: 'usage' | 'internal', details: string[] = []): Envelope<never> {
  return { ok: false, error: { message, kind, details } };
}

export function createBridge(channels: readonly string[], send: (channel: string, input: unknown) => Promise<unknown>): ReliefArchiveBridge {
  const allowed = new Set(channels);
  return Object.freeze({
    // `unknown`: the page may pass anything at all.
    async invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return refused(`未知的调用“${typeof channel === 'string' ? channel : typeof channel}”，已拒绝。`, 'usage');
      }
      try {
        return (await send(channel, input)) as Envelope<unknown>;
      } catch (e) {
        // E.g. an input that cannot be copied across (a function, a DOM node).
        return refused('调用没有送达主程序，这次操作没有执行。请重试；如果再次出现，请把“详细信息”告知技术支持。', 'internal', [
          e instanceof Error ? e.message : String(e),
        ]);
      }
    },
  });
}
