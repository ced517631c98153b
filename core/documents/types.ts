// The shape every document module of the core has: what it is, for which scopes and formats,
// and how it renders a request onto an output stream.
import type { Writable } from 'node:stream';
import type { DocumentFormat, DocumentKind, DocumentRequest, ScopeType } from '../../shared/api/documents.ts';
import type { Audience } from '../../shared/fields/mask.ts';
import type { RenderResult } from '../../templates/layout/pdf.ts';
import type { DocContext } from './context.ts';

export interface DocJob {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** A preview: render at most this many records. */
  limit?: number;
}

export interface Rendered extends RenderResult {
  title: string;
  /** True when `limit` cut the records short. */
  truncated?: boolean;
  /** Shown before the paper is used (a notice for a step not yet open). */
  warnings?: string[];
}

export interface DocumentDef {
  kind: DocumentKind;
  /** Who sees the paper: decides what of personal fields it may show (shared/fields/mask.ts). */
  audience: Audience;
  label: string;
  description: string;
  scopes: ScopeType[];
  formats: DocumentFormat[];
  batch: boolean;
  options: string[];
  render(ctx: DocContext, req: DocumentRequest, out: Writable, job: DocJob): Promise<Rendered>;
}
