/**
 * The built bundle, loaded as Apps Script loads it (one global scope, no Node globals), and
 * its custom functions called from that scope with values made in that scope.
 */
import { bundleText, type BundleScope, loadBundle } from '../support/loadBundle';

const CUSTOM_FUNCTIONS = ['OTOP_TARGET', 'OTOP_PERCENT', 'OTOP_SCORE', 'OTOP_LEVEL', 'OTOP_NEXT', 'OTOP_THAI'];

let gas: BundleScope;
beforeAll(() => {
  gas = loadBundle();
});

/** Copies a value out of the bundle's realm so jest compares plain values. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the bundle’s global scope', () => {
  test('has no Node globals', () => {
    for (const name of ['require', 'module', 'exports', 'process', 'Buffer', 'global', 'setTimeout']) {
      expect(gas.run(`typeof ${name}`)).toBe('undefined');
    }
  });

  test('declares each custom function top-level, with its JSDoc directly above', () => {
    const text = bundleText();
    for (const name of CUSTOM_FUNCTIONS) {
      expect(typeof gas[name]).toBe('function');
      const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(text);
      expect(match).not.toBeNull();
      const [, doc, params] = match!;
      expect(doc).toContain('@customfunction');
      expect(doc.split('\n')[1]).toMatch(/^ \* [\u0e00-\u0e7f]/); // Thai description first
      for (const param of params.split(', ').filter(Boolean))
        expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]?`));
    }
  });

  test('exposes nothing else top-level but the entry points and the private bundle', () => {
    const declared = [...bundleText().matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
    expect(declared).toEqual(expect.arrayContaining(CUSTOM_FUNCTIONS));
    expect([...bundleText().matchAll(/^(?:"use strict";)?var (\w+)/gm)].map((m) => m[1])).toEqual(['otop_']);
  });
});

describe('custom functions called in the bundle', () => {
  test('OTOP_TARGET and OTOP_PERCENT give the letter’s figures', () => {
    expect(gas.OTOP_TARGET(241)).toBe(12);
    expect(gas.OTOP_TARGET('๙๓')).toBe(5);
    expect(plain(gas.OTOP_TARGET(gas.run('[[241],[102],[74],[115],[93],[39],[62],[63],[29]]')))).toEqual(
      [12, 5, 4, 6, 5, 2, 3, 3, 1].map((v) => [v]),
    );
    expect(gas.OTOP_PERCENT(12, 241)).toBe(4.98);
  });

  test('OTOP_SCORE, OTOP_LEVEL and OTOP_NEXT with four values and with one row range', () => {
    expect(gas.OTOP_SCORE(5, 3, 12, 241)).toBe(5);
    expect(gas.OTOP_LEVEL(3, 1, 7, 241)).toBe('ปานกลาง');
    expect(plain(gas.OTOP_LEVEL(gas.run('[[2, 1, 5, 241]]')))).toEqual([['พัฒนา']]);
    expect(gas.OTOP_NEXT(0, 0, 0, 29)).toBe(
      'ระดับถัดไป ปรับปรุง (1 คะแนน): เพิ่มช่องทางออนไลน์อีก 1 ช่องทาง, ผู้ประกอบการรายใหม่อีก 1 ราย',
    );
  });

  test('OTOP_THAI reads dates made in the bundle’s own scope, BE years included', () => {
    expect(gas.OTOP_THAI(gas.run('new Date(2022, 2, 25)'))).toBe('๒๕ มีนาคม ๒๕๖๕');
    expect(gas.OTOP_THAI(gas.run('new Date(2565, 2, 25)'))).toBe('๒๕ มีนาคม ๒๕๖๕');
    expect(gas.OTOP_THAI(818)).toBe('๘๑๘');
  });

  test('bad input throws an Error with a Thai message (the cell’s #ERROR! tooltip)', () => {
    expect(() => gas.OTOP_TARGET('สองร้อย')).toThrow(/OTOP_TARGET: จำนวนผู้ประกอบการที่ลงทะเบียน "สองร้อย" ไม่ใช่ตัวเลข/);
    expect(() => gas.OTOP_PERCENT(1, 0)).toThrow(/เป็น 0/);
    expect(() => gas.OTOP_SCORE(1.5, 1, 1, 29)).toThrow(/มีทศนิยม/);
  });
});
