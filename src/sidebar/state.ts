/** What the sidebar's parts share: the server, the busy flag, the parts shown. */
import type { SidebarState } from '../app/api';
import type { Call } from './rpc';

/** A part of the sidebar (calendar, standing, a panel of actions). */
export interface Part {
  /** shows a new state from the server */
  show(state: SidebarState): void;
  /** re-enables its controls, by its own rules, once no action is running */
  enable(): void;
}

/** What the parts share. */
export interface Sidebar {
  /** the typed server */
  readonly call: Call;
  /** an action is running: every control is disabled until it ends */
  busy: boolean;
  /** the sheet the last summary or report made: offered first for sending */
  made: string;
  /** the parts of the current role's view */
  parts: Part[];
  /** shows a new state (main.ts: rebuilds the view when the role changed) */
  show(state: SidebarState): void;
}
