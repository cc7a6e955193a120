/**
 * Red-team checks of issue 23's batching (protectSheets, updateMarks / clearUnfinished,
 * readKept_ / clearEntries_, specGaps / repairGaps) through the built bundle on the stand-in.
 * The first two were defects of the change as first made (be77359: both failed there, and pass
 * on 20a7fc5's build and since 6a4e8e1, which fixed them; the second also checks the blank tab's
 * values undone, which no build did before); the others cover paths the sampled fault sweeps
 * may step over.
 */
import { dump } from '../../dev/fakes';
import { LABEL } from '../../src/kernel/settings';
import { activityRows, onlineRows, typeRows, typeTwoDistricts } from '../support/entries';
import { type PositionResult, smallProvince, sweep } from '../support/faultSweep';
import { loadBundle } from '../support/loadBundle';
import { type Harness, harnessSnapshot, newHarness } from '../support/workbook';

const switchYear = (h: Harness) => h.gas.sidebarStartNewFiscalYear(true);
const setUp = (h: Harness) => h.gas.sidebarSetUp();

/** The rows of a sheet with something in them, header left out. */
function dataRows(h: Harness, name: string): unknown[][] {
  const sheet = h.run.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));
}

describe('defects found in review, fixed', () => {
  test('rows an officer pastes while the switch runs survive the entry sheets being resized', () => {
    // ท่าบ่อ's activity sheet holds 300 rows of FY 2565 (set-up sized it to 300 + 200 margin rows)
    const h = smallProvince();
    const ss = h.run.spreadsheet;
    const activities = ss.getSheetByName('กิจกรรม ท่าบ่อ')!;
    activities.insertRowsAfter(activities.getMaxRows(), 400);
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 300, '10/03/2565'));
    setUp(h);
    // The switch empties the sheet; set-up's steps inside it read the sheets (one Sheets API
    // read), then repair their notes and size. In between, the officer, seeing the sheet empty,
    // pastes the new year's first 250 rows from row 2 (people keep typing while a script works:
    // CallLedger.interleave).
    let pasted = false;
    h.book.ledger.interleave(
      (name) => name === 'Range.setNotes',
      () => {
        const rows = activityRows('ท่าบ่อ', 250, '05/10/2565');
        h.run.spreadsheet
          .getSheetByName('กิจกรรม ท่าบ่อ')!
          .getRange(2, 1, rows.length, rows[0].length)
          .setValues(rows as never);
        pasted = true;
      },
      h.run.id,
    );
    switchYear(h);
    expect(pasted).toBe(true);
    // repairGaps cuts the sheet to the row count the read saw plus 200 (setRowCount with
    // facts.lastRow): rows 202-251 of the paste are deleted. The SpreadsheetApp path (fitRows)
    // asked getLastRow just before deleting and kept all 250.
    expect(dataRows(h, 'กิจกรรม ท่าบ่อ')).toHaveLength(250);
  });

  test('a failed switch keeps the protection of a blank tab it took for a year copy', () => {
    // The province prepared an empty, protected tab under the name of a year copy; the switch
    // takes a completely blank sheet of the name (blankOrNewSheet) and protects it.
    const base = smallProvince();
    base.run.spreadsheet.insertSheet('อำเภอ ปีงบ 2565').protect().setDescription('เตรียมไว้');
    const restore = harnessSnapshot(base);
    const clean = restore();
    clean.book.ledger.reset();
    switchYear(clean);
    const names = clean.book.ledger.calls(clean.run.id);
    // its last marker write (a batchUpdate here; DeveloperMetadata.setValue before issue 23)
    let last = names.length;
    while (last > 1 && !/^(Sheets\.Spreadsheets\.batchUpdate|DeveloperMetadata\.setValue)$/.test(names[last - 1]))
      last--;
    // the same switch failing there: everything it did is undone
    const h = restore();
    h.book.ledger.reset();
    h.book.ledger.inject({
      at: last,
      mode: 'before',
      error: new Error('Service Spreadsheets timed out'),
      execution: h.run.id,
    });
    expect(() => switchYear(h)).toThrow(/สมุดงานยังเหมือนเดิม/);
    h.book.ledger.clearFaults();
    // the batch path (then protectNewSheets) added a second protection (addProtectedRange) and registered as its undo
    // "remove every protection of the sheet": the province's own one goes too. The previous
    // applyProtection changed the existing protection and put its old description back.
    const kept = h.run.spreadsheet.getSheetByName('อำเภอ ปีงบ 2565')!.getProtections('SHEET' as never);
    expect(kept.map((p) => p.getDescription())).toEqual(['เตรียมไว้']);
    // and the tab is blank again: what the switch wrote into it is undone too (a tab taken is
    // not removed by the undo, so its copy's values are cleared)
    const tab = h.run.spreadsheet.getSheetByName('อำเภอ ปีงบ 2565')!;
    expect([tab.getLastRow(), tab.getLastColumn()]).toEqual([0, 0]);
  });
});

describe('covered paths that hold', () => {
  test('formulas typed in entry rows come back when the switch fails after emptying the sheets', () => {
    const h = smallProvince();
    const ss = h.run.spreadsheet;
    ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(3, 8).setFormula('=1000+500');
    ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(4, 7).setFormula('=G2*2');
    ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(2, 10).setValue("'=ไม่ใช่สูตร");
    ss.getSheetByName('ออนไลน์ ท่าบ่อ')!.getRange(2, 8).setFormula('=SUM(H3:H4)');
    const before = JSON.stringify(dump(ss));
    let batches = 0;
    // the switch's last batchUpdate (its archives' pending marks cleared) fails
    h.book.ledger.failWhen((name) => name === 'Sheets.Spreadsheets.batchUpdate' && ++batches === 2);
    expect(() => switchYear(h)).toThrow(/สมุดงานยังเหมือนเดิม/);
    h.book.ledger.clearFaults();
    expect(JSON.stringify(dump(ss))).toBe(before);
    expect(ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(3, 8).getFormula()).toBe('=1000+500');
  });

  /** Each batchUpdate of an action and the call after it, killed (outage) and failed (before/after/undo). */
  function sweepBatches(prepare: () => Harness, action: (h: Harness) => unknown): void {
    const probe = sweep(prepare, action, { mode: 'after', stride: 1e6, offset: 0, heal: action });
    const at = probe.callNames.flatMap((n, i) => (n === 'Sheets.Spreadsheets.batchUpdate' ? [i + 1, i + 2] : []));
    expect(at.length).toBeGreaterThan(0);
    for (const mode of ['outage', 'before', 'after', 'undo'] as const) {
      for (const p of at) {
        const r = sweep(prepare, action, { mode, stride: 1e6, offset: p - 1, heal: action, undoAt: [1, 2] });
        const told = (x: PositionResult) => /อาจยังเหลือ/.test(x.message ?? '');
        for (const x of r.results) {
          const healedOrAllowed =
            x.outcome === 'done' ||
            x.healed === true ||
            (mode === 'undo' && told(x)) ||
            (mode === 'outage' && x.healedContent === true);
          const between = x.outcome === 'partial' && mode !== 'outage' && !(mode === 'undo' && told(x));
          expect({ mode, p, call: r.callNames[p - 1], ok: healedOrAllowed && !between && x.thai !== false }).toEqual({
            mode,
            p,
            call: r.callNames[p - 1],
            ok: true,
          });
        }
      }
    }
  }

  test('the switch killed or failing at its batch calls heals or is undone', () => {
    sweepBatches(() => smallProvince(), switchYear);
  });

  test('a first set-up killed or failing at its batch calls heals or is undone', () => {
    sweepBatches(() => smallProvince(false), setUp);
  });

  test('shared drive: set-up by one province editor, the switch by another, rights as before', () => {
    const [p1, p2, tha, san] = [
      'p1@province.example',
      'p2@province.example',
      'tha@district.example',
      'san@district.example',
    ];
    const h = newHarness({ owner: null, editors: [p1, p2, tha, san] });
    h.book.clock.set(new Date(2022, 9, 15, 9, 30));
    const ss = h.run.spreadsheet;
    typeTwoDistricts(ss);
    const rows = [
      ['การตั้งค่า', 'ค่า'],
      [LABEL.provinceEditors, `${p1}, ${p2}`],
      [LABEL.districtEditors('ท่าบ่อ'), tha],
    ];
    ss.insertSheet('ตั้งค่า').getRange(1, 1, rows.length, 2).setValues(rows);
    const as = (user: string) => {
      const run = h.book.createExecution({ user });
      return { run, gas: loadBundle({ ...run.globals }, { now: h.book.clock.now }) };
    };
    const first = as(p1);
    first.gas.sidebarSetUp();
    first.run.end();
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 2, 2, '11/03/2565'));
    const second = as(p2);
    expect(second.gas.sidebarStartNewFiscalYear(true).message).toMatch(/เริ่มปีงบประมาณ 2566 เรียบร้อย/);
    second.run.end();
    const editorsOf = (name: string) =>
      ss
        .getSheetByName(name)!
        .getProtections('SHEET' as never)
        .map((p) => ({
          warningOnly: p.isWarningOnly(),
          editors: p
            .getEditors()
            .map((u) => u.getEmail())
            .sort(),
        }));
    // as the SpreadsheetApp path made them (checked against 20a7fc5's build): no owner, the
    // province editors on every sheet, each district its own entry sheets, warnings where none is named
    expect(editorsOf('ออนไลน์ ท่าบ่อ ปีงบ 2565')).toEqual([{ warningOnly: false, editors: [p1, p2] }]);
    expect(editorsOf('ตั้งค่า ปีงบ 2565')).toEqual([{ warningOnly: false, editors: [p1, p2] }]);
    expect(editorsOf('ออนไลน์ ท่าบ่อ')).toEqual([{ warningOnly: false, editors: [p1, p2, tha] }]);
    expect(editorsOf('กิจกรรม สังคม').map((p) => p.warningOnly)).toEqual([true]);
    expect(ss.canUserEdit(tha, 'ออนไลน์ ท่าบ่อ ปีงบ 2565', 2, 1)).toBe(false);
    expect(ss.canUserEdit(p2, 'ออนไลน์ ท่าบ่อ ปีงบ 2565', 2, 1)).toBe(true);
    // the settings' data day stays every officer's to move
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const dayRow =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === LABEL.dataDay) + 1;
    expect(dayRow).toBeGreaterThan(0);
    expect(ss.canUserEdit(tha, 'ตั้งค่า', dayRow, 2)).toBe(true);
    expect(ss.canUserEdit(tha, 'ตั้งค่า', 2, 2)).toBe(false);
    expect(dataRows(h, 'ออนไลน์ ท่าบ่อ')).toEqual([]);
    expect(dataRows(h, 'ออนไลน์ ท่าบ่อ ปีงบ 2565')).toHaveLength(2);
  });
});
