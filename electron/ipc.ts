// The one place the main process answers the renderer: every channel of the API contract
// (shared/api) is registered here and nowhere else. Each call: is it from our own page? →
// the core dispatch (zod validation, handler, Chinese errors) → an envelope. Nothing is
// thrown across IPC, because Electron would keep only the message of a thrown error.
import type { Dispatch } from '../core/api/dispatch.ts';
import { errorBody } from '../core/api/dispatch.ts';
import type { Envelope } from '../shared/api/index.ts';
import { CHANNELS } from '../shared/api/index.ts';

export const FOREIGN_SENDER_MESSAGE = '拒绝：调用来自未知页面';

function foreignSender(): Envelope<never> {
  return { ok: false, error: { message: FOREIGN_SENDER_MESSAGE, kind: 'refused', details: [] } };
}

/** The part of Electron's IpcMainInvokeEvent we look at. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>): void;
}

/** Only the top frame of our own page may call; a destroyed or navigated frame has no say. */
export function isTrustedSender(event: SenderEvent, isAppPage: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppPage(frame.url);
}

export interface RegisterOptions {
  isAppPage: (url: string) => boolean;
  log?: (message: string, error?: unknown) => void;
  /** Defaults to the whole contract; tests may narrow it. */
  channels?: readonly string[];
}

/** Registers every contract channel once; returns the channels registered. */
export function registerApi(ipcMain: IpcMainLike, dispatch: Dispatch, options: RegisterOptions): readonly string[] {
  const log = options.log ?? (() => undefined);
  const channels = [...new Set(options.channels ?? CHANNELS)];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      try {
        if (!isTrustedSender(event, options.isAppPage)) {
          log(`已拒绝来自未知页面的调用 ${channel}：${event.senderFrame?.url ?? '（页面已关闭）'}`);
          return foreignSender();
        }
        return await dispatch(channel, input);
      } catch (e) {
        // The dispatcher already catches handler errors; this is the last net.
        log(`调用 ${channel} 失败`, e);
        return { ok: false, error: errorBody(e) };
      }
    });
  }
  return channels;
}
