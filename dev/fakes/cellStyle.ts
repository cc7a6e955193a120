/**
 * A cell's formats, shared: every cell formatted alike holds the same frozen style object, so a
 * sheet of a million formatted cells keeps a handful of styles, not a million copies of their
 * fields (a report of 70 000 rows × 15 columns held about 600 MB as per-cell fields; in Sheets
 * that memory is Google's, not the script's). A change never edits a style: `restyled` finds or
 * makes the style with that one field changed. Nothing of this is observable through the fakes.
 */

/** Which sides of a cell have a border (the default solid black line). */
export interface BorderSides {
  top?: boolean;
  left?: boolean;
  bottom?: boolean;
  right?: boolean;
}

/** A cell's formats; absent fields mean the Sheets default. Shared and frozen: see restyled. */
export interface CellStyle {
  readonly numberFormat?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontWeight?: 'normal' | 'bold';
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrap?: boolean;
  readonly fontFamily?: string;
  readonly fontSize?: number;
  /** The cell's own border sides (Range.setBorder), when any is set. */
  readonly border?: Readonly<BorderSides>;
}

/** A format field of a cell. */
export type StyleField = keyof CellStyle;

const FIELDS_: readonly StyleField[] = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'fontFamily',
  'fontSize',
  'border',
];
const SIDES_ = ['top', 'left', 'bottom', 'right'] as const;

/**
 * A style object. A class (not a plain object) and frozen, so that a snapshot (snapshot.ts)
 * keeps it as it is: the copies share it, as the cells of the original did.
 */
class SharedStyle_ implements CellStyle {
  /** @param fields the style's fields (only those set) */
  constructor(fields: CellStyle) {
    Object.assign(this, fields);
    Object.freeze(this);
  }
}

/** The style with no field set: where a cell without a style starts. */
const NONE_: CellStyle = new SharedStyle_({});
/** Every style made, by the text of its fields (one object per distinct style). */
const byText_ = new Map<string, CellStyle>([[textOf_(NONE_), NONE_]]);
/** style → field → new value → the resulting style: a change already seen costs two lookups. */
const changes_ = new WeakMap<CellStyle, Map<StyleField, Map<unknown, CellStyle | undefined>>>();
/** The 16 combinations of border sides, shared like the styles (by their sides' bits). */
const borders_: Readonly<BorderSides>[] = Array.from({ length: 16 }, (_, bits) => {
  const sides: BorderSides = {};
  SIDES_.forEach((side, i) => {
    if (bits & (1 << i)) sides[side] = true;
  });
  return Object.freeze(sides);
});

/**
 * The bits of a border's sides (a side set to false counts as absent, as it dumps).
 * @param sides the sides
 */
function borderBits_(sides: Readonly<BorderSides> | undefined): number {
  // the bits of SIDES_'s order (top 1, left 2, bottom 4, right 8), without a closure per cell
  if (sides === undefined) return 0;
  return (sides.top ? 1 : 0) | (sides.left ? 2 : 0) | (sides.bottom ? 4 : 0) | (sides.right ? 8 : 0);
}

/**
 * A style's fields as one text (the key of byText_).
 * @param style the style
 */
function textOf_(style: CellStyle): string {
  return JSON.stringify(FIELDS_.map((f) => (f === 'border' ? borderBits_(style.border) : (style[f] ?? null))));
}

/**
 * The shared border object with the same sides (undefined when no side is set).
 * @param sides any border sides
 */
function sharedBorder_(sides: Readonly<BorderSides> | undefined): Readonly<BorderSides> | undefined {
  const bits = borderBits_(sides);
  return bits === 0 ? undefined : borders_[bits];
}

/**
 * A border's bits with one side changed ("true for border, false for none, null for no change").
 * @param bits the sides now
 * @param on the change
 * @param bit the side's bit
 */
function sideChanged_(bits: number, on: boolean | null, bit: number): number {
  if (on === null || on === undefined) return bits;
  return on ? bits | bit : bits & ~bit;
}

/**
 * A border with some sides changed, as Range.setBorder changes it: true adds a side, false
 * removes it, null leaves it. The shared object (nothing is made per cell: a report's tables
 * set the borders of a million cells).
 * @param border the cell's border now
 * @param top the top side's change
 * @param left the left side's change
 * @param bottom the bottom side's change
 * @param right the right side's change
 */
export function changedBorder(
  border: Readonly<BorderSides> | undefined,
  top: boolean | null,
  left: boolean | null,
  bottom: boolean | null,
  right: boolean | null,
): Readonly<BorderSides> | undefined {
  let bits = borderBits_(border);
  bits = sideChanged_(bits, top, 1);
  bits = sideChanged_(bits, left, 2);
  bits = sideChanged_(bits, bottom, 4);
  bits = sideChanged_(bits, right, 8);
  return bits === 0 ? undefined : borders_[bits];
}

/**
 * The shared style with one field changed (undefined: the field removed). Undefined when the
 * result has no field set, so that a cell without formats holds no style.
 * @param style the cell's style (undefined: none)
 * @param field the field
 * @param value its new value, or undefined to remove it
 */
export function restyled<K extends StyleField>(
  style: CellStyle | undefined,
  field: K,
  value: CellStyle[K] | undefined,
): CellStyle | undefined {
  const from = style ?? NONE_;
  // a border is keyed by its shared object (setBorder builds a new one per cell)
  const wanted = field === 'border' ? sharedBorder_(value as BorderSides | undefined) : value;
  if (from[field] === wanted) return style;
  let byField = changes_.get(from);
  if (byField === undefined) {
    byField = new Map();
    changes_.set(from, byField);
  }
  let byValue = byField.get(field);
  if (byValue === undefined) {
    byValue = new Map();
    byField.set(field, byValue);
  }
  if (byValue.has(wanted)) return byValue.get(wanted);
  const fields: Record<string, unknown> = { ...from };
  if (wanted === undefined) delete fields[field];
  else fields[field] = wanted;
  const text = textOf_(fields);
  let result = byText_.get(text);
  if (result === undefined) {
    result = new SharedStyle_(fields);
    byText_.set(text, result);
  }
  const kept = result === NONE_ ? undefined : result;
  byValue.set(wanted, kept);
  return kept;
}
