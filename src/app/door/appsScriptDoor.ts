/**
 * The door to the workbook in Apps Script (src/app/door/door.ts): each operation is the
 * platform's or the actions' plumbing the actions called before the door, so the service calls
 * are the same, in the same order; opening it is `atomically` (src/platform/undo.ts), whose undo
 * list the operations close over. It sits in src/app, not src/platform, because some operations
 * are the actions' shared plumbing (the log, the configuration's reader), which the platform may
 * not import; what is the platform's own is src/platform/door.ts.
 */
import { readSubmissions } from '../../features/submissions/action/submissionRecords';
import { ensureListSheet, rewriteListSheet } from '../../platform/door';
import { keep, readKept } from '../../platform/properties';
import type { OwnSheet } from '../../platform/sheetRegistry';
import type { Spreadsheet } from '../../platform/sheetIo';
import { atomically } from '../../platform/undo';
import { appendLog, logProblems } from '../auditLog';
import { caller } from '../roles';
import { readConfig, readWorkbook } from '../workbookRead';
import type { Door, ListSheet, Workbook, WorkbookReads } from './door';

/**
 * The workbook behind the Apps Script door.
 * @param ss the workbook
 */
export function appsScriptWorkbook(ss: Spreadsheet): Workbook {
  const reads: WorkbookReads = {
    readConfig: () => readConfig(ss),
    readWorkbook: (config) => readWorkbook(ss, config),
    caller: (settings) => caller(ss, settings),
    kept: (key, fallback) => readKept(key, fallback),
    logProblems: (config) => logProblems(config.registry),
    readSubmissions: (config) => readSubmissions(config.registry, config.submissionsValues),
  };
  return {
    ...reads,
    open: (work) =>
      atomically((undo) => {
        // the sheets behind the lists this transaction found or made
        const lists = new Map<ListSheet, OwnSheet>();
        const door: Door = {
          ...reads,
          keep: (key, value) => keep(key, value, undo),
          ensureList: (declaration, config) => {
            const own = ensureListSheet(ss, config.registry, declaration, config.settings, undo);
            const list = { name: own.name };
            lists.set(list, own);
            return list;
          },
          rewriteList: (list, rows) => rewriteListSheet(ownOf_(lists, list), rows, undo),
          appendLog: (config, rows) => appendLog(ss, config.registry, rows, config.settings, undo),
        };
        return work(door);
      }),
  };
}

/** The sheet behind a list this transaction found or made. */
function ownOf_(lists: ReadonlyMap<ListSheet, OwnSheet>, list: ListSheet): OwnSheet {
  const own = lists.get(list);
  if (!own) throw new Error(`list "${list.name}" was not found or made by this transaction`);
  return own;
}
