/**
 * Compile-time test of the sidebar's typed server calls. It is never run: `npm run typecheck`
 * compiles it with the sidebar's tsconfig (the server known from its emitted declarations) and
 * with the root one (the server's sources), and each `@ts-expect-error` line must be an error
 * there, or the check fails ("Unused '@ts-expect-error' directive").
 */
import type { Call, SidebarFunction, SidebarFunctionOf } from '../../src/sidebar/rpc';

declare const call: Call;
/** Marks values as used (noUnusedLocals). */
declare function use(...values: unknown[]): void;

/** Right names and arguments compile, and the results have the server's types. */
export async function rightCalls(): Promise<void> {
  const state = await call('sidebarState');
  const role: 'province' | 'district' | 'unknown' = state.user.role;
  const rounds: readonly { round: number; summarySheet: string }[] = state.rounds;
  const made = await call('sidebarMakeRoundSummary', 1);
  const monthly = await call('sidebarMakeMonthlyReport', '2022-03');
  const report = await call('sidebarCheckData');
  const cell: string = report.problems[0].cell;
  const preview = await call('sidebarPreviewSending', 'สรุปผล รอบที่ 1');
  const sent = await call('sidebarSend', preview.sheet);
  const setUp = await call('sidebarSetUp');
  await call('sidebarSelectCell', 'กิจกรรม ท่าบ่อ', 'A2');
  const duties = await call('sidebarDuties');
  const dutyState: 'notYetDue' | 'onTime' | 'late' | 'overdue' = duties.districts[0].duties[0].state;
  const submission = await call('sidebarPreviewSubmission', 'month', '2021-10', 'ท่าบ่อ');
  const submitted = await call('sidebarSubmitMonthly', '2021-10', true);
  await call('sidebarSubmitRound', 1, true, 'ท่าบ่อ', true);
  const reminders = await call('sidebarSetReminders', false);
  use(dutyState, submission.statement, submitted.needsConfirmation, reminders.reminders.by);
  const names: SidebarFunction[] = [
    'sidebarState',
    'sidebarSetUp',
    'sidebarCheckData',
    'sidebarSelectCell',
    'sidebarMakeRoundSummary',
    'sidebarMakeMonthlyReport',
    'sidebarPreviewSending',
    'sidebarSend',
  ];
  use(role, rounds, made.sheet, monthly.renamed, cell, sent.message, setUp.warnings, names);
}

/** Wrong names and wrong arguments do not compile. */
export async function wrongCalls(): Promise<void> {
  // @ts-expect-error no such server function
  await call('sidebarNope');
  // @ts-expect-error a menu entry point, not the sidebar's
  await call('menuSetUp');
  // @ts-expect-error a trigger, not the sidebar's
  await call('onOpen');
  // @ts-expect-error the reminders' trigger handler, not the sidebar's
  await call('remindDistricts');
  // @ts-expect-error the statement's tick is a boolean
  await call('sidebarSubmitMonthly', '2021-10', 'yes');
  // @ts-expect-error the round is a number
  await call('sidebarSubmitRound', '1', true);
  // @ts-expect-error a custom function, not the sidebar's
  await call('OTOP_TARGET', 241);
  // @ts-expect-error a private helper of src/main.ts (not exported; google.script.run cannot call names ending in _)
  await call('presentArgs_', 1, []);
  // @ts-expect-error the round is a number
  await call('sidebarMakeRoundSummary', '1');
  // @ts-expect-error the cell is missing
  await call('sidebarSelectCell', 'กิจกรรม ท่าบ่อ');
  // @ts-expect-error sidebarState takes no argument
  await call('sidebarState', 1);
  // @ts-expect-error a Date is not carried by google.script.run: months go as yyyy-mm text
  await call('sidebarMakeMonthlyReport', new Date(2022, 2, 1));
  // @ts-expect-error the result is typed: the subject is text
  const subject: number = (await call('sidebarPreviewSending', 'x')).subject;
  // @ts-expect-error the result is typed: the state has no such member
  use((await call('sidebarState')).owner);
  use(subject);
}

/** A server function whose parameters are not JSON (a Date here) is not the sidebar's to call. */
interface ServerWithDate {
  sidebarOnDay(day: Date): void;
  sidebarOnText(day: string): void;
  sidebarAnything(value: unknown): void;
  menuThing(): void;
}
export const callable: SidebarFunctionOf<ServerWithDate> = 'sidebarOnText';
// @ts-expect-error a Date parameter
export const takesDate: SidebarFunctionOf<ServerWithDate> = 'sidebarOnDay';
// @ts-expect-error an unknown parameter could be a Date
export const takesAnything: SidebarFunctionOf<ServerWithDate> = 'sidebarAnything';
// @ts-expect-error not named sidebar…
export const menu: SidebarFunctionOf<ServerWithDate> = 'menuThing';
