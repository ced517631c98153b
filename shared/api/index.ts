// The whole API the renderer may call: one object, grouped by domain.
import { accountsApi } from './accounts.ts';
import { archiveApi } from './archive.ts';
import { attachmentsApi } from './attachments.ts';
import { helpApi } from './help.ts';
import { importsApi } from './imports.ts';
import { jobsApi } from './jobs.ts';
import type { Endpoint, Envelope, InputOf, OutputOf } from './endpoint.ts';
import { householdsApi } from './households.ts';
import { auditApi, overviewApi, qualityApi, villagesApi } from './other.ts';
import { monitoringApi } from './monitoring.ts';
import { documentsApi } from './documents.ts';
import { workflowsApi } from './workflows.ts';
import { exchangeApi } from './exchange.ts';
import { filesApi } from './files.ts';
import { printApi } from './print.ts';
import { screeningApi } from './screening.ts';
import { listsApi } from './lists.ts';

export const API = {
  archive: archiveApi,
  accounts: accountsApi,
  households: householdsApi,
  villages: villagesApi,
  overview: overviewApi,
  audit: auditApi,
  quality: qualityApi,
  attachments: attachmentsApi,
  help: helpApi,
  imports: importsApi,
  jobs: jobsApi,
  workflows: workflowsApi,
  monitoring: monitoringApi,
  documents: documentsApi,
  exchange: exchangeApi,
  files: filesApi,
  print: printApi,
  screening: screeningApi,
  lists: listsApi,
} as const;

export type Api = typeof API;

/** Every endpoint by channel name ('households.list' …): the allow-list of both shells. */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  Object.values(API).flatMap((group) => Object.values(group).map((e: Endpoint) => [e.channel, e] as const)),
);
export const CHANNELS: readonly string[] = [...ENDPOINTS.keys()];

/** What the renderer holds: api.households.list(input) → Promise<output>. */
export type Client = {
  [G in keyof Api]: { [N in keyof Api[G]]: (input: InputOf<Api[G][N]>) => Promise<OutputOf<Api[G][N]>> };
};

/** How a shell carries one call: IPC in Electron, HTTP in the browser shell. */
export type Transport = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

export class ApiError extends Error {
  readonly kind: string;
  readonly details: string[];
  readonly field: string | undefined;
  constructor(body: { message: string; kind: string; details: string[]; field?: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.kind = body.kind;
    this.details = body.details;
    this.field = body.field;
  }
}

/** Builds the typed client over a transport; errors arrive as ApiError with the Chinese message. */
export function createClient(transport: Transport): Client {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [group, endpoints] of Object.entries(API)) {
    client[group] = {};
    for (const [name, e] of Object.entries(endpoints)) {
      client[group][name] = async (input) => {
        const r = await transport((e as Endpoint).channel, input);
        if (!r.ok) throw new ApiError(r.error);
        return r.value;
      };
    }
  }
  return client as unknown as Client;
}

export type { ApiErrorBody, Endpoint, Envelope, InputOf, OutputOf, ParsedInputOf, PathUse, WorkerUse } from './endpoint.ts';
export type * from './archive.ts';
export type * from './accounts.ts';
export type * from './attachments.ts';
export type * from './help.ts';
export type * from './imports.ts';
export type * from './jobs.ts';
export { MAX_IMPORT_BYTES } from './imports.ts';
export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './attachments.ts';
export type * from './households.ts';
export type * from './other.ts';
export type * from './quality.ts';
export type * from './documents.ts';
export { DOCUMENT_FORMATS, DOCUMENT_KINDS } from './documents.ts';
export type * from './workflows.ts';
export type * from './monitoring.ts';
export type * from './exchange.ts';
export type * from './county-quality.ts';
export { packScope } from './exchange.ts';
export { candidateFilter } from './workflows.ts';
export { householdDraft, householdFilter, incomeDraft, memberDraft } from './households.ts';
export type * from './print.ts';
export type * from './screening.ts';
export type * from './lists.ts';
