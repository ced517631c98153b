// The Electron main process entry, bundled to dist/electron/main.cjs (scripts/build-electron.ts).
import * as electron from 'electron';
import { startApp } from './startup.ts';

process.setSourceMapsEnabled(true);
startApp(electron, process.env);
