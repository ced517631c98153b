// The app store is one zustand store made of slices; each slice sees the whole state.
import type { StateCreator } from 'zustand';
import type { EditorSlice } from './editor-slice.ts';
import type { ListSlice } from './list-slice.ts';
import type { NavSlice } from './nav-slice.ts';
import type { SessionSlice } from './session-slice.ts';

export type AppState = SessionSlice & NavSlice & ListSlice & EditorSlice;
export type Slice<T> = StateCreator<AppState, [], [], T>;
