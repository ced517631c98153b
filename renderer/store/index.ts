// The app store: one zustand store assembled from slices (session, navigation, household
// list, household editor). Components read it through selectors: useStore((s) => s.screen).
import { create } from 'zustand';
import { createEditorSlice } from './editor-slice.ts';
import { createListSlice } from './list-slice.ts';
import { createNavSlice } from './nav-slice.ts';
import { createSessionSlice } from './session-slice.ts';
import type { AppState } from './types.ts';

export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createNavSlice(...a),
  ...createListSlice(...a),
  ...createEditorSlice(...a),
}));

export type { AppState } from './types.ts';
export { selectDirty } from './selectors.ts';
