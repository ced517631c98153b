// The one path every call from a UI takes, whatever the shell: look the channel up in the
// contract, validate the input with its schema, run the handler, wrap the result in an
// envelope. Errors become Chinese messages; nothing is thrown across the shell boundary.
// The endpoint's own declaration says who may call it and whether a success updates what the
// session keeps computed (core/derived.ts: the search index and the quality check).
import type { z } from 'zod';
import { API, ENDPOINTS } from '../../shared/api/index.ts';
import type { ApiErrorBody, Endpoint, Envelope } from '../../shared/api/index.ts';
import { UserError, isUserError } from '../../shared/errors.ts';
import { translateDbError } from '../errors.ts';
import { checkAccess } from '../access.ts';
import { damageReason } from '../damage.ts';
import { afterCall } from '../derived.ts';
import type { Session } from '../session.ts';
import type { HandlerMap } from './handlers.ts';
import { checkPaths, pathGuardOf } from './path-guard.ts';
import { RemoteJobError } from '../worker/protocol.ts';
import { dropWorkerAnswers } from '../worker/runner.ts';

/** Calls that change which archive is open, not the archive: allowed on a damaged one (to leave it). */
const LEAVES_ARCHIVE = new Set([API.archive.open, API.archive.create, API.archive.login, API.archive.recover, API.archive.upgrade, API.archive.lock, API.archive.close].map((e) => e.channel));

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** Runs an offThread endpoint (shared/api/endpoint.ts) on a worker thread: core/worker/runner.ts. */
export interface OffThread {
  run(endpoint: Endpoint, input: unknown, session: Session): Promise<unknown>;
}

function describePath(path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path;
  if (head === 'members' && typeof index === 'number') return `第${index + 1}名家庭成员${rest.length ? `（${rest.join('.')}）` : ''}：`;
  // Said in the message itself (EXPECTED_VERSION_MISSING): no field name for the clerk to puzzle over.
  if (head === 'expectedVersion') return '';
  if (head === 'incomes' && typeof index === 'number') return `第${index + 1}条收入记录${rest.length ? `（${rest.join('.')}）` : ''}：`;
  return path.length ? `（${path.join('.')}）` : '';
}

export function validationError(error: z.ZodError): ApiErrorBody {
  const issues = error.issues.map((i) => `${describePath(i.path)}${i.message}`);
  const first = error.issues[0];
  return {
    message: `填写的内容有误：${issues[0] ?? '未知错误'}${issues.length > 1 ? `（另有 ${issues.length - 1} 处）` : ''}`,
    kind: 'usage',
    details: issues,
    ...(first && first.path.length ? { field: first.path.join('.') } : {}),
  };
}

export function errorBody(e: unknown): ApiErrorBody {
  // Made by the job's worker from the error it met there (core/worker/job-worker.ts).
  if (e instanceof RemoteJobError) return e.body;
  const user = translateDbError(e) ?? e;
  if (isUserError(user)) {
    return { message: user.message, kind: user.kind, details: [...user.details], ...(user.field ? { field: user.field } : {}) };
  }
  return {
    message: '程序内部错误，这次操作没有保存（未完成的修改已全部撤销）。请重试；如果再次出现，请把“详细信息”告知技术支持。',
    kind: 'internal',
    details: [e instanceof Error ? (e.stack ?? e.message) : String(e)],
  };
}

export function createDispatcher(session: Session, handlers: HandlerMap, log: (e: unknown) => void = () => undefined, offThread: OffThread | null = null): Dispatch {
  return async (channel, input) => {
    const endpoint = ENDPOINTS.get(channel);
    const handler = handlers.get(channel);
    if (!endpoint || !handler) {
      return { ok: false, error: { message: `未知的调用“${channel}”，已拒绝。`, kind: 'usage', details: [] } };
    }
    const parsed = endpoint.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      checkAccess(endpoint, session);
      // A damaged archive is read-only (core/damage.ts): no write reaches it.
      const damaged = endpoint.writes && !LEAVES_ARCHIVE.has(channel) ? session.damaged() : null;
      if (damaged) throw new UserError(damaged);
      checkPaths(endpoint, parsed.data, pathGuardOf(session));
      // Long work goes to a worker thread once checked here: the shell's own thread stays free.
      const value = endpoint.worker && offThread ? await offThread.run(endpoint, parsed.data, session) : await handler(parsed.data, session);
      if (endpoint.writes) dropWorkerAnswers(session);
      afterCall(session, channel, endpoint.writes);
      return { ok: true, value };
    } catch (e) {
      const reason = damageReason(e);
      if (reason) session.markDamaged(reason);
      const body = errorBody(e);
      if (body.kind === 'internal') log(e);
      return { ok: false, error: body };
    }
  };
}
