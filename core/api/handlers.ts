// Typed handler registration: the compiler insists on one handler per contract endpoint.
import { API } from '../../shared/api/index.ts';
import type { Api, Endpoint, OutputOf, ParsedInputOf } from '../../shared/api/index.ts';
import type { Session } from '../session.ts';

export type Handler<E> = (input: ParsedInputOf<E>, session: Session) => OutputOf<E> | Promise<OutputOf<E>>;
export type Handlers = { [G in keyof Api]: { [N in keyof Api[G]]: Handler<Api[G][N]> } };

export type RegisteredHandler = (input: unknown, session: Session) => unknown;
export type HandlerMap = ReadonlyMap<string, RegisteredHandler>;

export function handlerMap(handlers: Handlers): HandlerMap {
  const map = new Map<string, RegisteredHandler>();
  for (const [group, endpoints] of Object.entries(API)) {
    for (const [name, e] of Object.entries(endpoints)) {
      const fn = (handlers as unknown as Record<string, Record<string, (i: unknown, s: Session) => unknown>>)[group]![name]!;
      const channel = (e as Endpoint).channel;
      map.set(channel, (input: unknown, s: Session) => fn(input, s));
    }
  }
  return map;
}
