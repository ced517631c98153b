// An error the user can act on: a Chinese message saying what, where and what to do.
// Shells show `message` as is; `kind` lets the CLI choose its exit code.

export type UserErrorKind = 'refused' | 'usage';

export class UserError extends Error {
  readonly kind: UserErrorKind;
  readonly details: readonly string[];

  constructor(message: string, options: { kind?: UserErrorKind; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.kind = options.kind ?? 'refused';
    this.details = options.details ?? [];
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
