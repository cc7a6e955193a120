/** Reading the arguments of the add-on's own formulas back from their text. */

/**
 * The top-level arguments of a formula that is one call of `fn`, as text, or null when the
 * formula is not such a call.
 * @param formula e.g. "=OTOP_DISTRICT(B2, C2, 'กิจกรรม ท่าบ่อ'!A1:J)"
 * @param fn the function's name
 */
export function callArguments(formula: string, fn: string): string[] | null {
  const text = formula.trim();
  const head = new RegExp(`^=\\s*${fn}\\s*\\(`, 'i').exec(text);
  if (!head || !text.endsWith(')')) return null;
  const body = text.slice(head[0].length, -1);
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted_(body, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) {
      args.push(body.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  args.push(body.slice(start).trim());
  return args;
}

/** The index of the closing quote of a quoted part starting at `start` (doubled quotes escape). */
function skipQuoted_(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return text.length;
}
