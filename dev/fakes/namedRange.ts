/** Named ranges. */
import { instrument } from './callLedger';
import type { ExecutionContext, NamedRangeModel } from './model';
import { FakeRange } from './range';
import type { FakeOf } from './types';

/**
 * Throws unless `name` can name a range: a letter or "_" first, then letters, digits, "_" or
 * ".", not TRUE/FALSE and not shaped like a cell reference (the fake's reading of Sheets' rules).
 * @param name the wanted name
 */
export function assertNamedRangeName(name: string): void {
  const valid =
    /^[\p{L}_][\p{L}\p{M}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^(true|false)$/i.test(name);
  if (!valid || name.length > 250) throw new Error(`Invalid named range name: "${name}".`);
}

const NAMED_RANGE_METHODS = [
  'getName',
  'getRange',
  'setRange',
  'setName',
  'remove',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.NamedRange)[];

/** A named range. */
export class FakeNamedRange
  implements FakeOf<GoogleAppsScript.Spreadsheet.NamedRange, (typeof NAMED_RANGE_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the stored named range
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: NamedRangeModel,
  ) {}

  /** The name. */
  getName(): string {
    return this.model_.name;
  }

  /** The range it names, without recording a call. */
  range_(): FakeRange {
    return new FakeRange(this.ctx_, this.model_.sheet, { ...this.model_.rect });
  }

  /** The range it names. */
  getRange(): FakeRange {
    return this.range_();
  }

  /** @param range the new target */
  setRange(range: FakeRange): FakeNamedRange {
    this.model_.sheet = range.sheet_;
    this.model_.rect = { ...range.rect_ };
    this.ctx_.book.touch();
    return this;
  }

  /** @param name the new name */
  setName(name: string): FakeNamedRange {
    assertNamedRangeName(name);
    const { namedRanges } = this.ctx_.book;
    namedRanges.delete(this.model_.name);
    this.model_.name = name;
    namedRanges.set(name, this.model_);
    this.ctx_.book.touch();
    return this;
  }

  /** Deletes the name (not the cells). */
  remove(): void {
    if (this.ctx_.book.namedRanges.get(this.model_.name) === this.model_)
      this.ctx_.book.namedRanges.delete(this.model_.name);
    this.ctx_.book.touch();
  }
}
instrument(FakeNamedRange, 'NamedRange', NAMED_RANGE_METHODS);
