/** HTML text escaping for every page the add-on makes (e-mails, the report's PDF). */

/**
 * Escapes text for HTML element content and attribute values.
 * @param value any value
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
