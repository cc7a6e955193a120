/**
 * The door's contract: the same cases on the in-memory door (test/support/memoryDoor.ts) and on
 * Apps Script's (src/app/door/appsScriptDoor.ts) over the stand-in (dev/fakes), run as plain
 * TypeScript with an execution's globals; each case's answers must be the same on both. What
 * they share: the configuration and the workbook as read, the caller's role, kept values, a list
 * ensured and rewritten, the log appended, a transaction that throws leaving nothing, and the
 * data check itself; the owner and editors, the account a run is made as, the mail quota and a
 * mail sent, the daily triggers of each account, the data day kept, the board rebuilt and the
 * log appended after one read of both, and the reminders (switched on and off, a run, its
 * refusals, a run without quota); a submission's record appended (numbered, undone with its
 * transaction) and read back, the workbook of a fiscal year, and the submissions themselves
 * (previewed, submitted, again, on a district's behalf, refused); set-up's operations one by one,
 * set-up as the owner and a province editor, and its refusals; the reports (made, made again,
 * provisional, previewed, sent, asked again, their seals, a sheet changed by hand, refused).
 */
import { appsScriptWorkbook } from '../../src/app/door/appsScriptDoor';
import type { Mail, Workbook } from '../../src/app/door/door';
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { checkWorkbook } from '../../src/features/dataCheck/action/dataCheck';
import { REMINDER_HANDLER, runReminders, setReminders } from '../../src/features/reminders/action/reminders';
import { previewSubmission, submitDuty } from '../../src/features/submissions/action/submissions';
import { yearDuties } from '../../src/features/submissions/rules/duties';
import type { NewSubmission } from '../../src/features/submissions/sheets/submissions';
import { asCellText } from '../../src/kernel/cellText';
import { dayOfDate } from '../../src/kernel/civilDate';
import { encodeMark, MARKER_KEY } from '../../src/features/setup/sheets/sheetMarkers';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { startExecution } from '../../src/platform/services';
import { createFakeWorkbook } from '../../dev/fakes';
import { withExecutionGlobals } from '../support/executionGlobals';
// — reports and sending
import { makeMonthlyReport, makeRoundSummary } from '../../src/features/reports/action/reports';
import { previewSending, sendToProvince } from '../../src/features/reports/action/delivery';
// — set-up
import { setUpWorkbook } from '../../src/features/setup/action/setup';
import { readSettings } from '../../src/kernel/settings';
import { type MemorySeed, MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PHON_PHISAI, PROVINCE, province, STRANGER, THA_BO, withBaseline, withDataDay } from './workbooks';
// — the sidebar's views and the mobile page's entries
import { addEntry, entryCell, entryFormView, fixEntry } from '../../src/features/mobile/action/entryForm';
import { entrySheetName } from '../../src/features/setup/sheets/sheetNames';
import { sidebarStateAt } from '../../src/features/standing/action/state';
import { dutiesView } from '../../src/features/submissions/action/duties';
import { isDate } from '../../src/kernel/civilDate';
import { beDateText } from '../../src/kernel/thaiDate';
// — the fiscal-year switch
import { startNewFiscalYear } from '../../src/features/fiscalYears/action/newYear';
import { archiveName } from '../../src/features/setup/sheets/sheetNames';
import { standingOf } from '../../src/features/standing/sheets/standing';
import { evaluateAll } from '../../src/app/workbookRead';
import { yearLabel } from '../../src/kernel/yearLabels';
import { endingYear } from './workbooks';
import { pageActivity } from '../support/entries';

const NOW = new Date('2022-03-15T03:00:00Z');

/** One side of the contract: its workbook, run with its globals, and what its sheets hold. */
interface Side {
  readonly name: string;
  /**
   * Runs a case.
   * @param fn the case
   * @param user who runs it ('' when Google hides the e-mail); the seed's user unless told
   */
  run<T>(fn: (workbook: Workbook) => T, user?: string): T;
  /** A sheet's values (its data range), or null when there is no sheet of that name. */
  values(sheet: string): unknown[][] | null;
  /** The mails sent, oldest first. */
  mails(): Mail[];
  /**
   * Types a value into one cell, as an officer does (reports and sending).
   * @param sheet the sheet's name
   * @param row 1-based
   * @param column 1-based
   * @param value the text
   */
  edit(sheet: string, row: number, column: number, value: string): void;
}

/** The in-memory door. */
function memorySide(seed: MemorySeed): Side {
  const book = new MemoryWorkbook(seed);
  return {
    name: 'memory',
    run: (fn, user = seed.user) => {
      book.actAs(user);
      return fn(book);
    },
    mails: () => book.mails(),
    edit: (name, row, column, value) => book.edit(name, row, column, value),
    values: (name) => {
      const values = book.sheet(name)?.values;
      if (!values) return null;
      // as a data range: down to the last row holding something
      let last = values.length;
      while (last > 0 && values[last - 1].every((v) => v === '')) last--;
      return values.slice(0, last);
    },
  };
}

/** Apps Script's door over the stand-in, the seed's sheets written and marked by the owner. */
function appsScriptSide(seed: MemorySeed): Side {
  const editors = [...(seed.editors ?? [PROVINCE, THA_BO, PHON_PHISAI, STRANGER])];
  const wb = createFakeWorkbook({
    owner: OWNER,
    editors,
    sheetNames: seed.sheets.map((s) => s.name),
    mailDailyQuota: seed.mailQuota ?? 100,
  });
  for (const s of seed.sheets) {
    const sheet = wb.spreadsheet.getSheetByName(s.name);
    if (!sheet) throw new Error(s.name);
    const width = Math.max(...s.values.map((r) => r.length));
    // typed as text, as the memory door holds it (a date-like text would be parsed otherwise)
    const grid = s.values.map((r) => Array.from({ length: width }, (_, c) => asCellText(r[c] ?? '')));
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    if (s.role) {
      const mark = {
        role: s.role,
        sheetId: sheet.getSheetId(),
        ...(s.district ? { district: s.district } : {}),
        // — the fiscal-year switch
        ...(s.report ? { report: s.report } : {}),
        ...(s.archive ? { archive: s.archive } : {}),
      };
      sheet.addDeveloperMetadata(MARKER_KEY, encodeMark(mark));
      sheet.setFrozenRows(1);
    }
  }
  return {
    name: 'Apps Script',
    run: (fn, user = seed.user) => {
      // each case's run is a new execution of its user
      const run = wb.createExecution(user === '' ? { user: STRANGER, hideEmail: true } : { user });
      const workbook = appsScriptWorkbook(run.globals.SpreadsheetApp.getActive());
      return withExecutionGlobals(run.globals, startExecution, () => fn(workbook));
    },
    values: (name) => wb.spreadsheet.getSheetByName(name)?.getDataRange().getValues() ?? null,
    mails: () => wb.sentMails.map((m) => ({ to: [...m.to], subject: m.subject, html: m.htmlBody, text: m.body })),
    edit: (name, row, column, value) => {
      wb.spreadsheet.getSheetByName(name)?.getRange(row, column).setValue(value);
    },
  };
}

/**
 * Runs a case on both sides and expects the same answer.
 * @param seed the workbook
 * @param check the case: its answer
 */
function agree<T>(seed: MemorySeed, check: (side: Side) => T): T {
  const answers = [memorySide(seed), appsScriptSide(seed)].map((side) => check(side));
  expect(answers[1]).toEqual(answers[0]);
  return answers[0];
}

/** The log's rows after its header: who, what, detail, result. */
function logOf(side: Side): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (side.values(SHEET.log) ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

test('the configuration and the workbook read the same', () => {
  const read = agree(province(OWNER), (side) =>
    side.run((workbook) => {
      const book = workbook.readWorkbook();
      book.readDistricts?.(book.districtsRead);
      return {
        districts: book.districts,
        provinceEditors: book.settings.provinceEditors,
        districtEditors: book.settings.districtEditors,
        fiscalYear: book.settings.fiscalYear,
        rows: book.table.rows.map((r) => [r.row, r.name, r.registered, r.promoted]),
        sheets: book.districtsRead.map((d) => [d.activities?.name ?? null, d.online?.name ?? null, d.unreadable]),
        marked: book.registry.sheets.map((s) => [s.name, s.mark.role]),
      };
    }),
  );
  expect(read.districts).toEqual(['ท่าบ่อ', 'โพนพิสัย']);
});

test.each([
  ['the owner', OWNER, 'province'],
  ['a province editor', PROVINCE, 'province'],
  ['a district officer', THA_BO, 'district'],
  ['someone named nowhere', STRANGER, 'unknown'],
  ['a hidden e-mail', '', 'unknown'],
])('%s is the same caller through both doors', (_, user, role) => {
  const who = agree(province(user), (side) => side.run((workbook) => workbook.caller(workbook.readConfig().settings)));
  expect(who.role).toBe(role);
});

test('a kept value is read back; a transaction that throws keeps nothing', () => {
  agree(province(OWNER), (side) =>
    side.run((workbook) => {
      workbook.open((door) => door.keep('otop.test', { a: [1, 2] }));
      expect(() =>
        workbook.open((door) => {
          door.keep('otop.test', { a: [3] });
          throw new Error('stopped');
        }),
      ).toThrow('stopped');
      return workbook.kept('otop.test', null);
    }),
  );
});

test('a list is made from its declaration and rewritten whole; one made by a transaction that throws is gone', () => {
  const declaration = { role: 'problems', name: SHEET.problems, widths: [160, 60, 520, 100] } as const;
  const rows = (n: number) => [
    ['ชีต', 'เซลล์', 'ปัญหา', 'ไปที่'],
    ...Array.from({ length: n }, (_, i) => [`ชีต ${i}`, `A${i + 1}`, `ปัญหา ${i}`, '']),
  ];
  agree(province(OWNER), (side) => {
    const undone = side.run((workbook) => {
      try {
        workbook.open((door) => {
          door.rewriteList(door.ensureList(declaration, workbook.readConfig()), rows(2));
          throw new Error('stopped');
        });
      } catch {
        // expected
      }
      return workbook.readConfig().registry.one('problems');
    });
    expect(undone).toBeNull();
    const first = side.run((workbook) =>
      workbook.open((door) => {
        const list = door.ensureList(declaration, workbook.readConfig());
        door.rewriteList(list, rows(3));
        return [list.name, side.values(SHEET.problems)];
      }),
    );
    const second = side.run((workbook) =>
      workbook.open((door) => {
        const list = door.ensureList(declaration, workbook.readConfig());
        door.rewriteList(list, rows(1));
        return list.name;
      }),
    );
    return { first, second, after: side.values(SHEET.problems) };
  });
});

test('rows appended to the log are read back', () => {
  agree(province(THA_BO), (side) =>
    side.run((workbook) => {
      workbook.open((door) =>
        door.appendLog(workbook.readConfig(), [['15/03/2565 10:00', THA_BO, 'ตรวจข้อมูล', 'ไม่พบปัญหา', 'สำเร็จ']]),
      );
      return logOf(side);
    }),
  );
});

test.each([
  ['the owner', OWNER],
  ['a district officer', THA_BO],
])('the data check as %s: the same report, list and log through both doors', (_, user) => {
  agree(province(user), (side) => {
    const report = side.run((workbook) => checkWorkbook(workbook, NOW));
    const list = (side.values(SHEET.problems) ?? []).map((r) => r.slice(0, 3));
    return { report, list: list.slice(2), header: list[0], log: logOf(side) };
  });
});

test.each([
  ['someone named nowhere', STRANGER],
  ['a hidden e-mail', ''],
])('the data check refuses %s the same way through both doors', (_, user) => {
  agree(province(user), (side) => {
    let refused = '';
    try {
      side.run((workbook) => checkWorkbook(workbook, NOW));
    } catch (error) {
      refused = (error as Error).message;
    }
    return { refused, list: side.values(SHEET.problems), log: logOf(side) };
  });
});

/** The daily trigger the contract installs. */
const DAILY = { handler: 'contractHandler', hour: 8, timeZone: 'Asia/Bangkok' } as const;

test.each([
  ['the owner', OWNER],
  ['a district officer', THA_BO],
  ['a hidden e-mail', ''],
])('%s: the same owner, editors and account the run is made as', (_, user) => {
  agree(province(user), (side) =>
    side.run((workbook) => ({ owner: workbook.owner(), editors: workbook.editors(), as: workbook.effectiveUser() })),
  );
});

test('the mail quota counts recipients; a mail goes as given; one beyond the quota is refused and not sent', () => {
  const mail = { to: [THA_BO, PHON_PHISAI], subject: 'แจ้งเตือน', html: '<p>รายงาน</p>', text: 'รายงาน' };
  agree({ ...province(PROVINCE), mailQuota: 3 }, (side) =>
    side.run((workbook) => {
      const before = workbook.mailQuota();
      workbook.sendMail(mail);
      const after = workbook.mailQuota();
      let refused = '';
      try {
        workbook.sendMail(mail);
      } catch (error) {
        refused = (error as Error).message;
      }
      return { before, after, refused, left: workbook.mailQuota(), mails: side.mails() };
    }),
  );
});

test("daily triggers: one per account and handler, installed twice still one, another account's unseen, removal undone with its transaction", () => {
  const counts = agree(province(PROVINCE), (side) => {
    const installed = side.run((workbook) => {
      workbook.open((door) => door.installDailyTrigger(DAILY));
      workbook.open((door) => door.installDailyTrigger(DAILY));
      return workbook.dailyTriggers(DAILY.handler);
    });
    const others = side.run((workbook) => workbook.dailyTriggers(DAILY.handler), THA_BO);
    const undone = side.run((workbook) => {
      try {
        workbook.open((door) => {
          door.removeDailyTriggers(DAILY);
          throw new Error('stopped');
        });
      } catch {
        // expected
      }
      return workbook.dailyTriggers(DAILY.handler);
    });
    const removed = side.run((workbook) => workbook.open((door) => door.removeDailyTriggers(DAILY)));
    const again = side.run((workbook) => workbook.open((door) => door.removeDailyTriggers(DAILY)));
    const left = side.run((workbook) => workbook.dailyTriggers(DAILY.handler));
    return { installed, others, undone, removed, again, left };
  });
  expect(counts).toEqual({ installed: 1, others: 0, undone: 1, removed: 1, again: 0, left: 0 });
});

test.each([
  ['the province', 'province', dayOfDate(NOW)],
  ['someone named nowhere', 'unknown', dayOfDate(new Date('2022-03-01T03:00:00Z'))],
] as const)('the data day kept for %s: the same settings and cell through both doors', (_, role, kept) => {
  const answer = agree(withDataDay(OWNER), (side) => {
    const same = side.run((workbook) => {
      const read = workbook.readConfig();
      return workbook.keepDataDay(read, dayOfDate(NOW), { role }) === read;
    });
    const after = side.run((workbook) => workbook.readConfig().settings.dataDay);
    return { same, after, cell: side.values(SHEET.settings)?.at(-1) };
  });
  expect(answer.after).toBe(kept);
});

test('the board rebuilt and the log appended after one read of both: the same sheets, nothing rewritten the second time', () => {
  agree(province(PROVINCE), (side) => {
    const rebuild = () =>
      side.run((workbook) => {
        const config = workbook.readConfig();
        const read = workbook.readBoardAndLog(config);
        const changed = workbook.open((door) => door.rebuildBoard(config, [], dayOfDate(NOW), read));
        workbook.open((door) =>
          door.appendLog(config, [['15/03/2565 08:00', PROVINCE, 'ทดสอบ', 'กระดาน', 'สำเร็จ']], read),
        );
        return { read, changed };
      });
    const first = rebuild();
    const board = side.values(SHEET.board);
    const second = rebuild();
    return { first, second, board, same: side.values(SHEET.board), log: logOf(side) };
  });
});

test('the reminders switched on and off: the same messages, views, log and triggers', () => {
  agree(province(PROVINCE), (side) => {
    const on = side.run((workbook) => setReminders(workbook, true, NOW));
    const triggers = side.run((workbook) => workbook.dailyTriggers(REMINDER_HANDLER));
    const taken = side.run((workbook) => setReminders(workbook, true, NOW), OWNER);
    const off = side.run((workbook) => setReminders(workbook, false, NOW));
    const left = side.run((workbook) => workbook.dailyTriggers(REMINDER_HANDLER), OWNER);
    return { on, triggers, taken, off, left, log: logOf(side) };
  });
});

test("a reminders' run: the same mails, text, board, log and data day; run again the same day, nothing more", () => {
  const answer = agree(withDataDay(PROVINCE), (side) => {
    side.run((workbook) => setReminders(workbook, true, NOW));
    const first = side.run((workbook) => runReminders(workbook, NOW));
    const mails = side.mails().map((m) => [m.to, m.subject]);
    const second = side.run((workbook) => runReminders(workbook, NOW));
    return {
      first,
      second,
      mails,
      again: side.mails().length,
      board: side.values(SHEET.board),
      log: logOf(side),
      dataDay: side.run((workbook) => workbook.readConfig().settings.dataDay),
    };
  });
  expect(answer.mails.length).toBeGreaterThan(0);
  expect(answer.again).toBe(answer.mails.length);
});

test("a reminders' run without quota: nothing sent, the same text and log", () => {
  agree({ ...province(PROVINCE), mailQuota: 0 }, (side) => {
    side.run((workbook) => setReminders(workbook, true, NOW));
    const text = side.run((workbook) => runReminders(workbook, NOW));
    return { text, mails: side.mails(), log: logOf(side) };
  });
});

test.each([
  ['a district officer', THA_BO],
  ['a hidden e-mail', ''],
])("a reminders' run as %s is refused the same way: nothing sent, nothing logged", (_, user) => {
  agree(province(PROVINCE), (side) => {
    side.run((workbook) => setReminders(workbook, true, NOW));
    let refused = '';
    try {
      side.run((workbook) => runReminders(workbook, NOW), user);
    } catch (error) {
      refused = (error as Error).message;
    }
    return { refused, mails: side.mails(), log: logOf(side) };
  });
});

test('a trigger of an account that no longer runs the reminders removes itself, the same way', () => {
  agree(province(PROVINCE), (side) => {
    side.run((workbook) => setReminders(workbook, true, NOW));
    side.run((workbook) => setReminders(workbook, true, NOW), OWNER);
    const text = side.run((workbook) => runReminders(workbook, NOW));
    const left = side.run((workbook) => workbook.dailyTriggers(REMINDER_HANDLER));
    return { text, left, mails: side.mails() };
  });
});

/** The submissions as read back: the records and what is wrong with them. */
function submissionsOf(workbook: Workbook): unknown {
  const read = workbook.readSubmissions(workbook.readConfig());
  return { records: read.records, problems: read.problems };
}

test('submissions: previewed, submitted on time, again late, read back; the same records, board and log', () => {
  agree(withBaseline(THA_BO), (side) => {
    const preview = side.run((workbook) => previewSubmission(workbook, 'month', '2022-02', NOW));
    const first = side.run((workbook) =>
      submitDuty(workbook, 'month', '2022-02', new Date('2022-03-03T03:00:00Z'), true),
    );
    const asked = side.run((workbook) => submitDuty(workbook, 'month', '2022-02', NOW, true));
    const again = side.run((workbook) => submitDuty(workbook, 'month', '2022-02', NOW, true, undefined, true));
    const behalf = side.run((workbook) => submitDuty(workbook, 'month', '2022-01', NOW, true, 'ท่าบ่อ'), PROVINCE);
    return {
      preview,
      first,
      asked,
      again,
      behalf,
      read: side.run(submissionsOf),
      board: side.values(SHEET.board),
      log: logOf(side),
    };
  });
});

test("a submission's record appended through the door: numbered after the highest, undone with a transaction that throws", () => {
  agree(withBaseline(THA_BO), (side) => {
    side.run((workbook) => submitDuty(workbook, 'month', '2022-02', NOW, true));
    const appended = side.run((workbook) => {
      const config = workbook.readConfig();
      const [record] = workbook.readSubmissions(config).records;
      const duty = yearDuties(config.settings, [2565]).find((d) => d.kind === 'month' && d.period === '2022-01');
      if (!duty || !record.snapshot) throw new Error('no duty or snapshot');
      const submission: NewSubmission = {
        duty,
        district: 'ท่าบ่อ',
        at: NOW.toISOString(),
        when: record.when,
        number: 1,
        sentBy: THA_BO,
        onBehalf: false,
        to: record.to,
        daysLate: 38,
        snapshot: record.snapshot,
      };
      try {
        workbook.open((door) => {
          door.appendSubmission(config, submission);
          throw new Error('stopped');
        });
      } catch {
        // expected
      }
      const undone = workbook.readSubmissions(workbook.readConfig()).records.length;
      return { undone, appended: workbook.open((door) => door.appendSubmission(workbook.readConfig(), submission)) };
    });
    expect(appended.undone).toBe(1);
    return { appended, read: side.run(submissionsOf) };
  });
});

test('the workbook of a fiscal year: this year and a year not kept are the book as read', () => {
  agree(withBaseline(OWNER), (side) =>
    side.run((workbook) => {
      const book = workbook.readWorkbook();
      return [2565, 2564].map((year) => {
        const read = workbook.readYear(book, year);
        return { same: read === book, fiscalYear: read.settings.fiscalYear, districts: read.districts };
      });
    }),
  );
});

test.each([
  ['a district officer, for another district', THA_BO],
  ['someone named nowhere', STRANGER],
  ['a hidden e-mail', ''],
])('a submission by %s is refused the same way: no record, nothing logged', (_, user) => {
  agree(withBaseline(user), (side) => {
    let refused = '';
    try {
      side.run((workbook) => submitDuty(workbook, 'month', '2022-02', NOW, true, 'โพนพิสัย'));
    } catch (error) {
      refused = (error as Error).message;
    }
    return { refused, read: side.run(submissionsOf), board: side.values(SHEET.board), log: logOf(side) };
  });
});

// — set-up
describe('set-up', () => {
  /** Set-up's operations one by one as the owner, and what each answers (the warnings aside: the stand-in's own sheets). */
  const steps = (workbook: Workbook, now: Date, user: string) =>
    workbook.open((door) => {
      const read = door.readSetUp(false);
      const typed = readSettings(read.settingsValues as unknown[][], read.names).settings;
      const who = door.caller(typed);
      door.runAs(who);
      const healed = door.beginSetUp(now, typed.fiscalYear);
      const sheets = door.setUpSheets(now);
      const rights = door.setRights(sheets.settings.settings, sheets.settings.dataDayCell);
      const logged = door.logSetUp([['16/03/2565 10:00', user, 'ตั้งค่า / ซ่อมแซมสมุดงาน', 'ทดสอบ', 'สำเร็จ']], user, '');
      door.finishSetUp();
      return {
        read: { names: read.names, settings: typed },
        healed,
        sheets: {
          settings: sheets.settings,
          criteriaProblem: sheets.criteriaProblem,
          created: sheets.created,
          repaired: sheets.repaired,
        },
        rights,
        logged,
      };
    });

  test("each operation answers the same, and the sheets hold the same: the settings, the table's figures, the log", () => {
    agree(province(OWNER), (side) => {
      const first = side.run((workbook) => steps(workbook, NOW, OWNER));
      const again = side.run((workbook) => steps(workbook, new Date('2022-03-16T03:00:00Z'), OWNER));
      const settings = (side.values(SHEET.settings) ?? []).map((r) => r.slice(0, 2).map(String));
      const table = (side.values(SHEET.districts) ?? []).slice(1, 3).map((r) => r.slice(1, 4));
      return { first, again, settings, table, log: logOf(side), records: side.values(SHEET.submissions) };
    });
  });

  test.each([
    ['the owner', OWNER],
    ['a province editor', PROVINCE],
  ])('set-up as %s reports the same, rights and log included', (_, user) => {
    agree(province(user), (side) => {
      const report = side.run((workbook) => setUpWorkbook(workbook, NOW));
      return { ...report, warnings: report.warnings.filter((w) => !w.includes('ซ่อนชีตว่าง')), log: logOf(side) };
    });
  });

  test.each([
    ['a district officer', THA_BO],
    ['someone named nowhere', STRANGER],
    ['a hidden e-mail', ''],
  ])('set-up by %s is refused the same way: nothing made, nothing logged', (_, user) => {
    agree(province(user), (side) => {
      let refused = '';
      try {
        side.run((workbook) => setUpWorkbook(workbook, NOW));
      } catch (error) {
        refused = (error as Error).message;
      }
      return { refused, criteria: side.values(SHEET.criteria), log: logOf(side) };
    });
  });
});

// — the sidebar's views and the mobile page's entries
const ACTIVITIES = entrySheetName('activities', 'ท่าบ่อ');

/**
 * An entry sheet's values as a data range (every row as wide as the widest, blanks ''), a date
 * as its text dd/mm/yyyy (BE), as the in-memory door keeps it.
 */
function entriesOf(side: Side, sheet = ACTIVITIES): unknown[][] {
  const values = side.values(sheet) ?? [];
  const width = Math.max(0, ...values.map((r) => r.length));
  return values.map((r) =>
    Array.from({ length: width }, (_, c) => (isDate(r[c]) ? beDateText(dayOfDate(r[c] as Date)) : (r[c] ?? ''))),
  );
}

test.each([
  ['the owner', OWNER],
  ['a district officer', THA_BO],
  ['someone named nowhere', STRANGER],
  ['a hidden e-mail', ''],
])("the sidebar's state and the duties view for %s: the same through both doors", (_, user) => {
  agree(withDataDay(user), (side) =>
    side.run((workbook) => ({
      state: sidebarStateAt(workbook, NOW),
      duties: dutiesView(workbook, NOW),
      settings: side.values(SHEET.settings),
    })),
  );
});

test("an entry sheet's row appended and a cell written, read back; a transaction that throws leaves neither", () => {
  const cells = [new Date(2022, 2, 10), 'ท่าบ่อ', '0012', '=1+1', 'TRUE', 'ไม่ใช้', 8, 15000, '', ''];
  agree(province(OWNER), (side) =>
    side.run((workbook) => {
      try {
        workbook.open((door) => {
          const config = door.readConfig();
          door.appendEntryRow(config, ACTIVITIES, door.lastEntryRow(config, ACTIVITIES) + 1, cells);
          door.writeEntryCell(config, ACTIVITIES, 1, 3, 'หัวตารางใหม่');
          throw new Error('stopped');
        });
      } catch {
        // expected
      }
      const undone = entriesOf(side);
      const last = workbook.open((door) => {
        const config = door.readConfig();
        const before = door.lastEntryRow(config, ACTIVITIES);
        door.appendEntryRow(config, ACTIVITIES, before + 1, cells);
        door.appendEntryRow(config, ACTIVITIES, before + 3, cells.slice(0, 2));
        door.writeEntryCell(config, ACTIVITIES, 2, 4, '4303-0099');
        door.writeEntryCell(config, ACTIVITIES, 2, 1, new Date(2022, 2, 11));
        return [before, door.lastEntryRow(config, ACTIVITIES)];
      });
      return { undone, last, after: entriesOf(side) };
    }),
  );
});

test('the mobile page as a district officer: the same form, entries, cell, correction and log through both doors', () => {
  const activity = { ...pageActivity('10/03/2565'), note: '0012' };
  agree(province(THA_BO), (side) =>
    side.run((workbook) => {
      const form = entryFormView(workbook);
      const added = [
        addEntry(workbook, NOW, 'activities', activity),
        addEntry(workbook, NOW, 'activities', { ...activity, activity: 'งานกาชาด', sales: '' }),
      ];
      const shown = entryCell(workbook, ACTIVITIES, 'A3');
      const fixed = fixEntry(workbook, NOW, ACTIVITIES, 'A3', shown.shown, '12/03/2565');
      let refused = '';
      try {
        addEntry(workbook, NOW, 'activities', { ...activity, date: '' });
      } catch (error) {
        refused = (error as Error).message;
      }
      return { form, added, shown, fixed, refused, entries: entriesOf(side), log: logOf(side) };
    }),
  );
});

test.each([
  ["another district's officer", PHON_PHISAI],
  ['someone named nowhere', STRANGER],
  ['a hidden e-mail', ''],
])('the mobile page refuses %s the same way through both doors: nothing written, nothing logged', (_, user) => {
  agree(province(user), (side) => {
    const messages = side.run((workbook) =>
      [
        () => addEntry(workbook, NOW, 'activities', { activity: 'ตลาดนัด', date: '10/03/2565' }, 'ท่าบ่อ'),
        () => entryCell(workbook, ACTIVITIES, 'B1'),
        () => fixEntry(workbook, NOW, ACTIVITIES, 'C1', 'ชื่อกิจกรรม', 'ใหม่'),
      ].map((action) => {
        try {
          action();
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      }),
    );
    return { messages, form: side.run(entryFormView), entries: entriesOf(side), log: logOf(side) };
  });
});

// — reports and sending
/** A report's link with the workbook's address and the sheet's id taken out (each side has its own). */
function unlinked_<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replace(/https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/"]+\/edit#gid=\d+/g, 'LINK'),
  ) as T;
}

/** What a side's report sheet holds: its values and its mark as read through the door. */
function reportOf_(side: Side, name: string) {
  const report = side.run((workbook) => workbook.readReport(workbook.readConfig({ reportRecords: true }), name));
  return { values: side.values(name), mark: report?.mark, record: report?.record, sealed: report?.sealed };
}

test('reports: a monthly report made, made again, a provisional round summary; previewed, sent, asked again; the same sheets, marks, mails and log', () => {
  agree(withBaseline(PROVINCE), (side) => {
    const month = side.run((workbook) => makeMonthlyReport(workbook, '2022-02', NOW, false));
    const again = side.run((workbook) =>
      makeMonthlyReport(workbook, '2022-02', new Date('2022-03-16T03:00:00Z'), false),
    );
    const asked = side.run((workbook) => makeRoundSummary(workbook, 1, NOW, false));
    const round = side.run((workbook) => makeRoundSummary(workbook, 1, NOW, true));
    const preview = side.run((workbook) => previewSending(workbook, month.sheet));
    const sent = side.run((workbook) => sendToProvince(workbook, month.sheet, NOW, false));
    const twice = side.run((workbook) => sendToProvince(workbook, month.sheet, NOW, false));
    const provisional = side.run((workbook) => sendToProvince(workbook, round.sheet, NOW, false));
    let missing = '';
    try {
      side.run((workbook) => previewSending(workbook, 'ไม่มีชีตนี้'));
    } catch (error) {
      missing = (error as Error).message;
    }
    expect([sent.needsConfirmation, twice.needsConfirmation, provisional.needsConfirmation]).toEqual([
      false,
      true,
      true,
    ]);
    expect(side.mails()).toHaveLength(1);
    const sheets = [month.sheet, again.renamed, round.sheet].map((name) => reportOf_(side, name));
    // each sheet as made, also after the add-on wrote its status and sent cells
    expect(sheets.map((s) => [s.sealed, s.mark?.seal?.length])).toEqual([
      [true, 64],
      [true, 64],
      [true, 64],
    ]);
    return unlinked_({
      month,
      again,
      asked,
      round,
      preview,
      sent,
      twice,
      provisional,
      missing,
      sheets,
      mails: side.mails().map(({ to, subject, html, text }) => ({ to, subject, html, text })),
      log: logOf(side),
    });
  });
});

test.each([
  ['a district officer', THA_BO],
  ['someone named nowhere', STRANGER],
  ['a hidden e-mail', ''],
])('reports by %s are refused the same way: no sheet, no mail, nothing logged', (_, user) => {
  agree(withBaseline(PROVINCE), (side) => {
    const made = side.run((workbook) => makeMonthlyReport(workbook, '2022-02', NOW, false));
    const refused = [
      (workbook: Workbook): unknown => makeMonthlyReport(workbook, '2022-02', NOW, false),
      (workbook: Workbook) => makeRoundSummary(workbook, 1, NOW, true),
      (workbook: Workbook) => previewSending(workbook, made.sheet),
      (workbook: Workbook) => sendToProvince(workbook, made.sheet, NOW, true),
    ].map((action) => {
      try {
        side.run(action, user);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(refused.every((message) => message !== '')).toBe(true);
    return { refused, report: reportOf_(side, made.sheet), mails: side.mails().length, log: logOf(side) };
  });
});

test('a report sheet changed by hand after it was made: its seal fails the same way; previewed and sent as made (from its record), asked first, logged', () => {
  agree(withBaseline(PROVINCE), (side) => {
    const month = side.run((workbook) => makeMonthlyReport(workbook, '2022-02', NOW, false));
    const before = reportOf_(side, month.sheet);
    // an officer corrects the memo's subject (row 4, after its label) on the sheet
    side.edit(month.sheet, 4, 3, 'แก้ไขด้วยมือ');
    const after = reportOf_(side, month.sheet);
    const preview = side.run((workbook) => previewSending(workbook, month.sheet));
    const asked = side.run((workbook) => sendToProvince(workbook, month.sheet, NOW, false));
    const sent = side.run((workbook) => sendToProvince(workbook, month.sheet, NOW, true));
    expect([before.sealed, after.sealed]).toEqual([true, false]);
    // — reports kept as records: what was made is sent, not the sheet as edited
    expect(after.record?.document.memo.subject).toBe(before.record?.document.memo.subject);
    expect(preview.html).not.toContain('แก้ไขด้วยมือ');
    expect(preview.edited).toContain('ถูกแก้ไขหลังจัดทำ');
    expect(asked.needsConfirmation).toBe(true);
    return unlinked_({ preview, asked, sent, mails: side.mails().length, log: logOf(side) });
  });
});
// — the fiscal-year switch
describe('the fiscal-year switch', () => {
  const MARCH = new Date('2022-03-15T03:00:00Z');
  const OCTOBER = new Date('2022-10-05T03:00:00Z');
  /** The sheets the switch writes, as each side holds them (the settings' labels and values as text). */
  const sheetsOf = (side: Side) => {
    const names = [
      SHEET.settings,
      SHEET.districts,
      SHEET.criteria,
      entrySheetName('activities', 'ท่าบ่อ'),
      entrySheetName('online', 'ท่าบ่อ'),
      SHEET.submissions,
      SHEET.baseline,
    ];
    const copies = names.map((n) => archiveName(n, 2565));
    // each row without its trailing blanks; the district table's names and figures only (the
    // in-memory door computes no formula)
    const trimmed = (rows: unknown[][]) =>
      rows.map((r) => {
        let n = r.length;
        while (n > 0 && r[n - 1] === '') n--;
        return r.slice(0, n);
      });
    const values = (name: string) => {
      const rows = side.values(name);
      if (!rows) return null;
      if (name === SHEET.settings || name === archiveName(SHEET.settings, 2565)) {
        return rows.map((r) => r.slice(0, 2).map(String));
      }
      if (name === SHEET.districts || name === archiveName(SHEET.districts, 2565)) {
        return rows.slice(1, 3).map((r) => r.slice(1, 4));
      }
      return trimmed(rows);
    };
    return Object.fromEntries(
      [...names, ...copies, yearLabel(SHEET.baseline, 2566), archiveName('สรุปผล รอบที่ 1', 2565)].map((n) => [
        n,
        values(n),
      ]),
    );
  };
  /** The add-on's sheets as a new execution reads them: name, role, archive and report year. */
  const marksOf = (side: Side) =>
    side.run((workbook) =>
      workbook
        .readConfig()
        .registry.sheets.map((s) => [s.name, s.mark.role, s.mark.archive ?? null, s.mark.report?.fiscalYear ?? null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

  /**
   * The log, set-up's rows without their counts (the in-memory set-up repairs in less detail:
   * memoryDoor.ts; the switch's own row and the rights' rows whole).
   */
  const switchLogOf = (side: Side) => logOf(side).map((r) => (r[1] === 'ตั้งค่า / ซ่อมแซมสมุดงาน' ? [r[0], r[1], r[3]] : r));

  test('each operation answers the same, and the sheets and marks are the same after', () => {
    const seed = endingYear(OWNER, [1, 2, 3]);
    // a copy a switch stopped before its commit left, pending
    const stopped: MemorySeed = {
      ...seed,
      sheets: [
        ...seed.sheets,
        {
          name: archiveName(SHEET.criteria, 2565),
          role: 'archive',
          archive: { fiscalYear: 2565, of: 'criteria', pending: true },
          values: [['half']],
        },
      ],
    };
    agree(stopped, (side) => {
      side.run((workbook) => setUpWorkbook(workbook, MARCH));
      const answers = side.run((workbook) =>
        workbook.open((door) => {
          const read = door.readWorkbook();
          door.dropStoppedCopies(read, 2565);
          const live = door.readWorkbook();
          const end = dayOfDate(new Date('2022-09-30T03:00:00Z'));
          const added = standingOf(
            evaluateAll(live, end, true),
            live.criteria,
            live.settings.percentBasis,
            end,
          ).newOperators;
          const carried = door.keepYearAsValues(live, 2565, door.readSubmissions(live).records, added);
          door.commitNextYear(live, 2566);
          const after = door.readWorkbook();
          const deadlines = door.startNewYearSettings(after, 2565);
          door.swapBaseline(after, 2565);
          door.emptyEntries(after, 2565);
          const renamed = door.nameReportsWithYear(after, 2565);
          door.finishYearCopies(door.readWorkbook());
          return { added: added.map((o) => o.regNoText), carried, deadlines, renamed };
        }),
      );
      return { answers, sheets: sheetsOf(side), marks: marksOf(side) };
    });
  });

  test.each([
    ['the owner', OWNER],
    ['a province editor', PROVINCE],
  ])('the switch as %s: asked, then confirmed, the same answers, sheets, marks and log', (_, user) => {
    agree(endingYear(OWNER, [1, 2]), (side) => {
      side.run((workbook) => setUpWorkbook(workbook, MARCH));
      const asked = side.run((workbook) => startNewFiscalYear(workbook, OCTOBER), user);
      const done = side.run((workbook) => startNewFiscalYear(workbook, OCTOBER, true), user);
      return { asked, done, sheets: sheetsOf(side), marks: marksOf(side), log: switchLogOf(side) };
    });
  });

  test.each([
    ['a district officer', THA_BO],
    ['someone named nowhere', STRANGER],
    ['a hidden e-mail', ''],
  ])('the switch by %s is refused the same way: nothing kept, nothing logged', (_, user) => {
    agree(endingYear(OWNER, [1, 2, 3]), (side) => {
      side.run((workbook) => setUpWorkbook(workbook, MARCH));
      let refused = '';
      try {
        side.run((workbook) => startNewFiscalYear(workbook, OCTOBER, true), user);
      } catch (error) {
        refused = (error as Error).message;
      }
      return { refused, sheets: sheetsOf(side), marks: marksOf(side), log: switchLogOf(side) };
    });
  });
});

// — reports kept as records
/** The reports' record sheet's rows after its header, the seal's cell left out (the in-memory door computes no digest). */
function recordRowsOf_(side: Side): unknown[][] {
  const values = side.values(SHEET.reportRecords) ?? [];
  const seal = values[0]?.indexOf('รหัสตรวจสอบ') ?? -1;
  return values.slice(1).map((row) => row.filter((_, i) => i !== seal));
}

test('reports kept as records: one sealed row a report made, the same cells; read back as made; a row changed by hand refused the same way, and the data check lists it', () => {
  agree(withBaseline(PROVINCE), (side) => {
    const month = side.run((workbook) => makeMonthlyReport(workbook, '2022-02', NOW, false));
    const round = side.run((workbook) => makeRoundSummary(workbook, 1, NOW, true));
    const header = side.values(SHEET.reportRecords)?.[0];
    const rows = recordRowsOf_(side);
    expect(rows).toHaveLength(2);
    const read = reportOf_(side, month.sheet);
    expect(read.mark?.record).toBe(1);
    // the fiscal year (column D) of the first record changed by hand: its seal fails
    side.edit(SHEET.reportRecords, 2, 4, '2570');
    const refused = (() => {
      try {
        side.run((workbook) => previewSending(workbook, month.sheet));
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refused).toContain('กรุณาจัดทำรายงานนี้ใหม่');
    const other = side.run((workbook) => previewSending(workbook, round.sheet));
    const check = side.run((workbook) => checkWorkbook(workbook, NOW));
    const listed = check.problems.filter((p) => p.sheet === SHEET.reportRecords);
    expect(listed.map((p) => p.row)).toEqual([2]);
    return unlinked_({
      header,
      rows,
      record: read.record,
      refused,
      other: other.subject,
      listed,
      mails: side.mails().length,
    });
  });
});

test("a report's record changed by hand keeps its number: the next report's record is numbered after it, never again with it", () => {
  agree(withBaseline(PROVINCE), (side) => {
    const month = side.run((workbook) => makeMonthlyReport(workbook, '2022-02', NOW, false));
    // the newest (and only) record's period typed over by hand: its seal fails
    side.edit(SHEET.reportRecords, 2, 3, '2022-03');
    const round = side.run((workbook) => makeRoundSummary(workbook, 1, NOW, true));
    const values = side.values(SHEET.reportRecords) ?? [];
    const number = values[0]?.indexOf('เลขที่') ?? -1;
    const numbers = values.slice(1).map((row) => row[number]);
    const marks = [month.sheet, round.sheet].map((name) => reportOf_(side, name).mark?.record);
    expect({ numbers, marks }).toEqual({ numbers: [1, 2], marks: [1, 2] });
    return { numbers, marks };
  });
});
