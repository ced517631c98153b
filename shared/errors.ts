// An error the user can act on: a Chinese message saying what, where and what to do.
// Shells show `message` as is; `kind` lets the CLI choose its exit code.

export type UserErrorKind = 'refused' | 'usage';

export class UserError extends Error {
  readonly kind: UserErrorKind;
  readonly details: readonly string[];
  /** The input field concerned, e.g. 'members.2.idNumber', so a form can highlight it. */
  readonly field: string | undefined;

  constructor(
    message: string,
    options: { kind?: UserErrorKind; details?: readonly string[]; field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.kind = options.kind ?? 'refused';
    this.details = options.details ?? [];
    this.field = options.field;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
