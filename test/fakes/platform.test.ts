/**
 * The stand-in's switchable platform behaviours (dev/fakes/platform.ts): the default of each
 * unconfirmed behaviour and every other outcome a switch produces, plus NOW()/TODAY().
 */
import { createFakeWorkbook } from '../../dev/fakes';
import type { WorkbookOptions } from '../../dev/fakes';
import type { FakeHtmlOutput } from '../../dev/fakes/htmlService';
import { LOADING_TEXT, VOLATILE_REFERENCE_MESSAGE } from '../../dev/fakes/platform';

type Fn = (...args: unknown[]) => unknown;
const OWNER = 'owner@example.com';
/** 25 Mar 2565 (2022), 10:30 in Bangkok. */
const MOMENT = Date.UTC(2022, 2, 25, 3, 30);

function workbook(options: WorkbookOptions = {}, functions: Record<string, Fn> = {}) {
  const wb = createFakeWorkbook({ now: MOMENT, ...options });
  wb.spreadsheet.setFunctions((name) => functions[name]);
  const main = wb.spreadsheet.getSheets()[0];
  return { wb, ss: wb.spreadsheet, main, book: wb.spreadsheet.ctx_.book };
}

describe('NOW() and TODAY()', () => {
  test('read the workbook clock; TODAY is midnight in the spreadsheet time zone', () => {
    const { main, wb } = workbook();
    main.getRange('A1:B1').setFormulas([['=NOW()', '=TODAY()']]);
    expect(main.getRange('A1:B1').getValues()).toEqual([[new Date(MOMENT), new Date(Date.UTC(2022, 2, 24, 17))]]);
    wb.clock.set(Date.UTC(2022, 2, 25, 18)); // 01:00 on the 26th in Bangkok
    main.getRange('C1').setValue(1); // a change: formulas are computed again
    expect(main.getRange('B1').getValue()).toEqual(new Date(Date.UTC(2022, 2, 25, 17)));
  });
});

describe('volatile functions and custom functions', () => {
  const calls: unknown[][] = [];
  const ECHO: Fn = (...args) => {
    calls.push(args);
    return args[0] instanceof Date ? 'date' : typeof args[0];
  };
  beforeEach(() => {
    calls.length = 0;
  });

  test('blocked (default): NOW()/TODAY() as an argument stay "Loading..."; a referenced volatile cell is #ERROR!', () => {
    const { main, ss } = workbook({}, { ECHO });
    main.getRange('A1').setFormula('=TODAY()');
    main.getRange('A2').setFormula('=A1+1'); // a helper cell: still depends on TODAY()
    main.getRange('B1:B4').setFormulas([['=ECHO(NOW())'], ['=ECHO(TODAY())'], ['=ECHO(A1)'], ['=ECHO(A2)']]);
    expect(main.getRange('B1:B4').getValues()).toEqual([[LOADING_TEXT], [LOADING_TEXT], ['#ERROR!'], ['#ERROR!']]);
    expect(main.getFormulaError(3, 2)).toBe(VOLATILE_REFERENCE_MESSAGE);
    expect(main.getFormulaError(4, 2)).toBe(VOLATILE_REFERENCE_MESSAGE);
    expect(calls).toEqual([]);
    // another sheet's volatile cell counts too; a plain value does not
    ss.insertSheet('ตั้งค่า').getRange('B4').setFormula('=NOW()');
    main.getRange('C1:C2').setFormulas([['=ECHO(ตั้งค่า!A1:B9)'], ['=ECHO(ตั้งค่า!A1:A9)']]);
    expect(main.getRange('C1:C2').getValues()).toEqual([['#ERROR!'], ['object']]);
  });

  test('passed: the function is called with the Dates', () => {
    const { main } = workbook({ platform: { volatileArguments: 'passed' } }, { ECHO });
    main.getRange('A1').setFormula('=TODAY()');
    main.getRange('B1:B2').setFormulas([['=ECHO(NOW())'], ['=ECHO(A1)']]);
    expect(main.getRange('B1:B2').getValues()).toEqual([['date'], ['date']]);
    expect(calls).toHaveLength(2);
  });
});

describe('error cells as custom-function arguments', () => {
  const ECHO: Fn = (value) => JSON.stringify(value);

  test('blocked (default): the cell shows the error and the function is not called', () => {
    let called = 0;
    const { main } = workbook({}, { ECHO: (v) => `${++called}${String(v)}` });
    main.getRange('A1').setFormula('=1/0');
    main.getRange('B1:B2').setFormulas([['=ECHO(A1)'], ['=ECHO(A1:A2)']]);
    expect(main.getRange('B1:B2').getValues()).toEqual([['#DIV/0!'], ['#DIV/0!']]);
    expect(called).toBe(0);
  });

  test("passed: the function gets the error's text, alone or in a range", () => {
    const { main } = workbook({ platform: { errorArguments: 'passed' } }, { ECHO });
    main.getRange('A1').setFormula('=1/0');
    main.getRange('A2').setValue(5);
    main.getRange('B1:B2').setFormulas([['=ECHO(A1)'], ['=ECHO(A1:A2)']]);
    expect(main.getRange('B1:B2').getValues()).toEqual([['"#DIV/0!"'], ['[["#DIV/0!"],[5]]']]);
    // built-ins still propagate the error
    main.getRange('C1').setFormula('=SUM(A1:A2)');
    expect(main.getRange('C1').getValue()).toBe('#DIV/0!');
  });
});

describe('what a script reads from a custom-function cell', () => {
  test('computed (default), or "Loading..." while switched to loading', () => {
    const { main, book } = workbook({}, { TWICE: (n) => Number(n) * 2 });
    main.getRange('A1').setFormula('=TWICE(21)');
    expect(main.getRange('A1').getValue()).toBe(42);
    book.switchPlatform({ customFunctionReads: 'loading' });
    expect(main.getRange('A1').getValue()).toBe(LOADING_TEXT);
    main.getRange('A3').setFormula('=SUM(1, 2)'); // built-ins still compute
    expect(main.getRange('A3').getValue()).toBe(3);
    book.switchPlatform({ customFunctionReads: 'computed' }); // Sheets has computed it since
    expect(main.getRange('A1').getValue()).toBe(42);
  });
});

describe('Thai sheet names with combining marks in formulas', () => {
  const NAME = 'ชั่วคราวเกณฑ์';
  function setUp(mode?: 'as-written' | 'quoted' | 'unquoted' | 'refused') {
    const w = workbook(mode ? { platform: { thaiSheetNames: mode } } : {});
    const sheet = w.ss.insertSheet(NAME);
    sheet.getRange('A1').setValue(42);
    w.main.getRange('A1:A2').setValues([[`=${NAME}!A1`], [`='${NAME}'!A1`]]);
    return w;
  }

  test.each([
    ['as-written (default)', undefined, [`=${NAME}!A1`, `='${NAME}'!A1`], [42, 42]],
    ['quoted', 'quoted', [`='${NAME}'!A1`, `='${NAME}'!A1`], [42, 42]],
    ['unquoted', 'unquoted', [`=${NAME}!A1`, `=${NAME}!A1`], [42, 42]],
    ['refused', 'refused', [`=${NAME}!A1`, `='${NAME}'!A1`], ['#ERROR!', 42]],
  ] as const)('%s', (_label, mode, formulas, values) => {
    const { main } = setUp(mode);
    expect(main.getRange('A1:A2').getFormulas()).toEqual(formulas.map((f) => [f]));
    expect(main.getRange('A1:A2').getValues()).toEqual(values.map((v) => [v]));
  });

  test('names that need quotes keep them under "unquoted"; ASCII names are not quoted under "quoted"', () => {
    const w = workbook({ platform: { thaiSheetNames: 'unquoted' } });
    w.ss.insertSheet('กิจกรรม ท่าบ่อ');
    w.main.getRange('A1').setFormula("=COUNTA('กิจกรรม ท่าบ่อ'!A2:J)");
    expect(w.main.getRange('A1').getFormula()).toBe("=COUNTA('กิจกรรม ท่าบ่อ'!A2:J)");
    const q = workbook({ platform: { thaiSheetNames: 'quoted' } });
    q.main.getRange('A1').setFormula('=Sheet1!B2');
    expect(q.main.getRange('A1').getFormula()).toBe('=Sheet1!B2');
  });
});

describe('typed text in automatic cells', () => {
  const TYPED = [['0012', '1/4', 'TRUE', '๑๒']];

  test('parsed (default): numbers, a date in the workbook clock’s year, a boolean, Thai digits', () => {
    const { main } = workbook();
    main.getRange('A1:D1').setValues(TYPED);
    expect(main.getRange('A1:D1').getValues()).toEqual([[12, new Date(Date.UTC(2022, 3, 0, 17)), true, 12]]);
  });

  test('thaiDigits false: Thai digits stay text; kept: everything stays text', () => {
    const thai = workbook({ platform: { thaiDigits: false } });
    thai.main.getRange('A1:D1').setValues(TYPED);
    expect(
      thai.main
        .getRange('A1:D1')
        .getValues()[0]
        .map((v) => typeof v),
    ).toEqual(['number', 'object', 'boolean', 'string']);
    const kept = workbook({ platform: { typedText: 'kept' } });
    kept.main.getRange('A1:D1').setValues(TYPED);
    expect(kept.main.getRange('A1:D1').getValues()).toEqual(TYPED);
    expect(kept.main.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('rule getters', () => {
  test('exact (default) and lossy (read back: help text dropped, colours in capitals)', () => {
    for (const [mode, help, colour] of [
      [undefined, 'เลือกจากรายการ', '#b7e1cd'],
      ['lossy', '', '#B7E1CD'],
    ] as const) {
      const wb = createFakeWorkbook(mode ? { platform: { ruleGetters: mode } } : {});
      const app = wb.createExecution({ user: OWNER }).services.SpreadsheetApp;
      const sheet = app.getActive().getSheets()[0];
      const rule = app.newDataValidation().requireValueInList(['ดีมาก', 'ดี'], true).setHelpText('เลือกจากรายการ').build();
      sheet.getRange('A1').setDataValidation(rule);
      const format = app
        .newConditionalFormatRule()
        .setRanges([sheet.getRange('B1:B5')])
        .whenTextEqualTo('ดีมาก')
        .setBackground('#b7e1cd')
        .build();
      sheet.setConditionalFormatRules([format]);
      expect(sheet.getRange('A1').getDataValidation()?.getHelpText()).toBe(help);
      expect(rule.getHelpText()).toBe('เลือกจากรายการ'); // the builder's own rule is local: as given
      expect(format.getBooleanCondition().getBackground()).toBe('#b7e1cd');
      expect(sheet.getRange('A1').getDataValidation()?.getCriteriaValues()).toEqual([['ดีมาก', 'ดี'], true]);
      expect(sheet.getConditionalFormatRules()[0].getBooleanCondition().getBackground()).toBe(colour);
    }
  });
});

describe('time zones and hidden addresses', () => {
  test("the script's time zone may differ from the spreadsheet's", () => {
    const same = createFakeWorkbook();
    expect(same.createExecution({ user: OWNER }).globals.Session.getScriptTimeZone()).toBe('Asia/Bangkok');
    const other = createFakeWorkbook({ platform: { scriptTimeZone: 'America/New_York' } });
    const run = other.createExecution({ user: OWNER }).globals;
    expect(run.Session.getScriptTimeZone()).toBe('America/New_York');
    expect(run.SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe('Asia/Bangkok');
  });

  test("hideEmail 'active' hides only the active user's address", () => {
    const wb = createFakeWorkbook({ editors: ['a@x.th'] });
    const session = wb.createExecution({ user: 'a@x.th', hideEmail: 'active' }).globals.Session;
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('a@x.th');
  });
});

describe("a project file's content through HtmlService", () => {
  const PAGE = '<script>if (a && b < c) x = "<b>";</script>';

  test("'unchanged' (default): getContent gives the file as written, as does a template's getRawContent", () => {
    const { wb } = workbook({ htmlFiles: { Page: PAGE } });
    const html = wb.createExecution({ user: OWNER }).globals.HtmlService;
    expect(html.createHtmlOutputFromFile('Page').getContent()).toBe(PAGE);
    expect(html.createTemplateFromFile('Page').getRawContent()).toBe(PAGE);
  });

  test("'escaped': getContent gives & < > as entities; getRawContent, a set content and what is served do not change", () => {
    const { wb, book } = workbook({ htmlFiles: { Page: PAGE }, platform: { fileContent: 'escaped' } });
    const html = wb.createExecution({ user: OWNER }).globals.HtmlService;
    const output = html.createHtmlOutputFromFile('Page');
    expect(output.getContent()).toBe('&lt;script&gt;if (a &amp;&amp; b &lt; c) x = "&lt;b&gt;";&lt;/script&gt;');
    expect((output as unknown as FakeHtmlOutput).content_).toBe(PAGE); // what a sidebar or page shows
    expect(html.createTemplateFromFile('Page').getRawContent()).toBe(PAGE);
    expect(html.createHtmlOutput(PAGE).getContent()).toBe(PAGE);
    expect(output.setContent(PAGE).getContent()).toBe(PAGE);
    book.switchPlatform({ fileContent: 'unchanged' });
    expect(html.createHtmlOutputFromFile('Page').getContent()).toBe(PAGE);
  });
});
