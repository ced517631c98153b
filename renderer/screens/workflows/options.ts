// Select options shared by the workflow screens.
import { KINDS, WORKFLOW_KINDS } from '../../../shared/workflows/index.ts';

export const KIND_OPTIONS = WORKFLOW_KINDS.map((k) => ({ value: k, label: KINDS[k].label }));
