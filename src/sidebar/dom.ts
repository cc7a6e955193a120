/**
 * Text-only DOM helpers: every piece of text goes in as textContent or a text node, so values
 * from the workbook (district, operator and sheet names) are never parsed as HTML.
 */

/** A child for add(): an element, or text (null and undefined are skipped). */
export type Child = Node | string | number | null | undefined;

/**
 * The element with this id; a missing one is a bug of the page, so it throws.
 * @param id the id
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sidebar: no element #${id}`);
  return found as T;
}

/**
 * A new element with a class and text.
 * @param tag the tag name
 * @param className its classes, or ''
 * @param text its text
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string | number,
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = String(text);
  return made;
}

/**
 * Appends children (text as text nodes) and returns the parent.
 * @param parent the element
 * @param children elements or text
 */
export function add<T extends Node>(parent: T, ...children: Child[]): T {
  for (const child of children) {
    if (child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * A button (type="button", so it never submits anything).
 * @param id its id, or ''
 * @param className its classes, or ''
 * @param text its label
 * @param onClick what it does
 */
export function button(id: string, className: string, text: string, onClick: () => void): HTMLButtonElement {
  const made = el('button', className, text);
  made.type = 'button';
  if (id) made.id = id;
  made.addEventListener('click', onClick);
  return made;
}

/**
 * An option of a select.
 * @param value its value
 * @param label its text
 */
export function option(value: string | number, label: string): HTMLOptionElement {
  const made = el('option', '', label);
  made.value = String(value);
  return made;
}

/**
 * A label for a control.
 * @param forId the control's id
 * @param text the label
 */
export function label(forId: string, text: string): HTMLLabelElement {
  const made = el('label', '', text);
  made.htmlFor = forId;
  return made;
}

/**
 * An element with an id.
 * @param tag the tag name
 * @param id the id
 * @param className its classes, or ''
 */
export function withId<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  id: string,
  className = '',
): HTMLElementTagNameMap[K] {
  const made = el(tag, className);
  made.id = id;
  return made;
}

/**
 * A section with its heading, appended to a parent.
 * @param parent where it goes
 * @param headingId the heading's id (the section is labelled by it)
 * @param title the heading
 */
export function section(parent: HTMLElement, headingId: string, title: string): HTMLElement {
  const made = add(el('section'), add(withId('h2', headingId), title));
  made.setAttribute('aria-labelledby', headingId);
  parent.appendChild(made);
  return made;
}

/**
 * Refills a select, keeping the chosen value when it is still offered, else the preferred one,
 * else the first.
 * @param select the select
 * @param fill adds the options and returns the preferred value
 */
export function refill(select: HTMLSelectElement, fill: (select: HTMLSelectElement) => string): void {
  const before = select.value;
  select.replaceChildren();
  const preferred = fill(select);
  const values = Array.from(select.options, (o) => o.value);
  select.value = values.includes(before) ? before : values.includes(preferred) ? preferred : (values[0] ?? '');
}
