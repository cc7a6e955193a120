import {
  Button,
  createFakeWorkbook,
  LOCK_TIMEOUT_MESSAGE,
  MAIL_QUOTA_MESSAGE,
  STORE_QUOTA_MESSAGE,
} from '../../dev/fakes';

const OWNER = 'owner@example.com';

describe('LockService', () => {
  test('two executions over the same workbook contend for the workbook lock', () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com', 'b@example.com'] });
    const a = wb.createExecution({ user: 'a@example.com' });
    const b = wb.createExecution({ user: 'b@example.com' });
    const lockA = a.globals.LockService.getDocumentLock();
    const lockB = b.globals.LockService.getDocumentLock();
    expect(lockA.tryLock(10000)).toBe(true);
    expect(lockA.hasLock()).toBe(true);
    expect(lockB.tryLock(10000)).toBe(false);
    expect(lockB.hasLock()).toBe(false);
    expect(() => lockB.waitLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    lockA.releaseLock();
    expect(lockB.tryLock(0)).toBe(true);
    expect(a.globals.LockService.getDocumentLock().tryLock(0)).toBe(false);
    b.end();
    expect(a.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('user locks are per user; script and document locks are distinct', () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com', 'b@example.com'] });
    const a = wb.createExecution({ user: 'a@example.com' }).globals.LockService;
    const b = wb.createExecution({ user: 'b@example.com' }).globals.LockService;
    expect(a.getUserLock().tryLock(0)).toBe(true);
    expect(b.getUserLock().tryLock(0)).toBe(true);
    expect(a.getScriptLock().tryLock(0)).toBe(true);
    expect(b.getDocumentLock().tryLock(0)).toBe(true);
    expect(b.getScriptLock().tryLock(0)).toBe(false);
  });
});

describe('PropertiesService', () => {
  test('stores strings; document store shared, user store per user', () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com'] });
    const owner = wb.createExecution({ user: OWNER }).globals.PropertiesService;
    const a = wb.createExecution({ user: 'a@example.com' }).globals.PropertiesService;
    owner.getDocumentProperties().setProperty('fiscalYear', '2565').setProperties({ a: '1', b: '2' });
    owner.getUserProperties().setProperty('lang', 'th');
    expect(a.getDocumentProperties().getProperties()).toEqual({ fiscalYear: '2565', a: '1', b: '2' });
    expect(a.getUserProperties().getProperty('lang')).toBeNull();
    a.getDocumentProperties().setProperties({ only: 'x' }, true);
    expect(owner.getDocumentProperties().getKeys()).toEqual(['only']);
    owner.getDocumentProperties().deleteProperty('only');
    expect(owner.getDocumentProperties().getProperty('only')).toBeNull();
  });

  test('9 KB per value and 500 KB per store are enforced, leaving the store unchanged', () => {
    const props = createFakeWorkbook().createExecution({ user: OWNER }).globals.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large');
    expect(() => props.setProperty('thai', 'ก'.repeat(3100))).toThrow('Argument too large'); // 3 bytes per Thai letter
    expect(props.getProperty('big')).toBeNull();
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'y'.repeat(9000)); // ~504 000 bytes in all
    expect(() => props.setProperty('k55', 'y'.repeat(9000))).toThrow(STORE_QUOTA_MESSAGE); // would be > 512 000
    expect(props.getProperty('k55')).toBeNull();
    expect(props.getKeys()).toHaveLength(56);
  });
});

describe('MailApp', () => {
  test('the daily quota decreases per recipient and is enforced', () => {
    const wb = createFakeWorkbook({ mailDailyQuota: 3 });
    const { MailApp } = wb.createExecution({ user: OWNER }).globals;
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail('a@example.com,b@example.com', 'รายงาน KPI', 'เนื้อความ');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() =>
      MailApp.sendEmail({ to: 'c@example.com', cc: 'd@example.com', subject: 's', htmlBody: '<b>x</b>' }),
    ).toThrow(MAIL_QUOTA_MESSAGE);
    MailApp.sendEmail({ to: 'c@example.com', subject: 's', htmlBody: '<b>x</b>' });
    expect(() => MailApp.sendEmail('e@example.com', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    expect(wb.sentMails.map((m) => [m.to, m.subject, m.htmlBody])).toEqual([
      [['a@example.com', 'b@example.com'], 'รายงาน KPI', ''],
      [['c@example.com'], 's', '<b>x</b>'],
    ]);
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
  });

  test('attachments are recorded by name; options form is accepted', () => {
    const wb = createFakeWorkbook();
    const { MailApp, Utilities } = wb.createExecution({ user: OWNER }).globals;
    const csv = Utilities.newBlob('a,b\n1,2', 'text/csv', 'kpi.csv');
    MailApp.sendEmail('a@example.com', 'subject', 'body', { attachments: [csv], name: 'OTOP KPI' });
    expect(wb.sentMails[0]).toMatchObject({ attachments: ['kpi.csv'], name: 'OTOP KPI', body: 'body', from: OWNER });
    expect(csv.getDataAsString()).toBe('a,b\n1,2');
  });
});

describe('Session, Ui, HtmlService, Utilities, Logger, ScriptApp', () => {
  test('Session: addresses may be hidden (""); each execution has its own active sheet', () => {
    const wb = createFakeWorkbook({ sheetNames: ['สรุป', 'ท่าบ่อ'] });
    const hidden = wb.createExecution({ user: OWNER, hideEmail: true }).globals.Session;
    expect(hidden.getActiveUser().getEmail()).toBe('');
    expect(hidden.getEffectiveUser().getEmail()).toBe('');
    expect(hidden.getScriptTimeZone()).toBe('Asia/Bangkok');
    const onThabo = wb.createExecution({ user: OWNER, activeSheet: 'ท่าบ่อ' }).globals.SpreadsheetApp;
    const other = wb.createExecution({ user: OWNER }).globals.SpreadsheetApp;
    expect(onThabo.getActiveSheet().getName()).toBe('ท่าบ่อ');
    expect(other.getActiveSheet().getName()).toBe('สรุป');
    expect(onThabo.getActiveRange().getA1Notation()).toBe('A1');
  });

  test('Ui records menus, sidebars and alerts; alert responses are configurable', () => {
    const wb = createFakeWorkbook({
      htmlFiles: { Sidebar: '<h1><?= title ?></h1><p><?!= raw ?></p><? for (var i = 0; i < 2; i++) { ?>*<? } ?>' },
    });
    const run = wb.createExecution({ user: OWNER });
    const { SpreadsheetApp, HtmlService } = run.globals;
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('KPI OTOP').addItem('เปิดแผงควบคุม', 'showSidebar').addSeparator().addItem('สร้างชีต', 'setUp').addToUi();
    ui.createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    expect(run.ui.menus[0]).toEqual({
      caption: 'KPI OTOP',
      addon: false,
      items: [
        { caption: 'เปิดแผงควบคุม', functionName: 'showSidebar' },
        { separator: true },
        { caption: 'สร้างชีต', functionName: 'setUp' },
      ],
    });
    expect(run.ui.menus[1].addon).toBe(true);

    const template = HtmlService.createTemplateFromFile('Sidebar');
    template.title = '<แผง & KPI>';
    template.raw = '<i>ok</i>';
    const html = template.evaluate().setTitle('KPI').setWidth(500);
    ui.showSidebar(html);
    expect(run.ui.lastSidebar()).toEqual({
      kind: 'sidebar',
      title: 'KPI',
      content: '<h1>&lt;แผง &amp; KPI&gt;</h1><p><i>ok</i></p>**',
      width: 300,
      height: 0,
    });
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');

    expect(ui.alert('ยืนยัน?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    run.ui.queueAlertResponse(Button.NO);
    expect(ui.alert('ลบข้อมูล', 'แน่ใจ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(run.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['', 'ยืนยัน?', 'YES_NO', 'YES'],
      ['ลบข้อมูล', 'แน่ใจ?', 'YES_NO', 'NO'],
    ]);
    SpreadsheetApp.getActive().toast('บันทึกแล้ว', 'KPI');
    expect(run.ui.toasts).toEqual([{ message: 'บันทึกแล้ว', title: 'KPI', timeoutSeconds: 5 }]);
  });

  test('Utilities.formatDate follows SimpleDateFormat in the given zone', () => {
    const { Utilities, Logger, ScriptApp } = createFakeWorkbook().createExecution({ user: OWNER }).globals;
    const d = new Date(Date.UTC(2022, 9, 1, 17, 5, 9));
    expect(Utilities.formatDate(d, 'Asia/Bangkok', 'yyyy-MM-dd HH:mm:ss')).toBe('2022-10-02 00:05:09');
    expect(Utilities.formatDate(d, 'GMT', "d MMM yy 'at' h:mm a, EEE")).toBe('1 Oct 22 at 5:05 PM, Sat');
    expect(Utilities.formatDate(d, 'Asia/Bangkok', 'XXX Z')).toBe('+07:00 +0700');
    expect(() => Utilities.formatDate(d, 'GMT', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    Logger.log('n=%s, m=%s', 1, { a: 2 });
    expect(Logger.getLog()).toBe('n=1, m={"a":2}');
    expect(ScriptApp.getOAuthToken()).toBe('fake-token');
  });
});
