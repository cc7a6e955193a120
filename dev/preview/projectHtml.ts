/**
 * The project's HTML files as a push gives them to Apps Script: every dist/*.html (the sidebar,
 * the mobile page and the server part, Server.html), by name without .html, the name
 * HtmlService.createHtmlOutputFromFile takes. Read by the preview, the bench and the tests'
 * bundle loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads every HTML file of a built project.
 * @param distDir the folder clasp pushes (dist/)
 */
export function readProjectHtml(distDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(distDir).filter((n) => n.endsWith('.html'))) {
    files[file.replace(/\.html$/, '')] = readFileSync(join(distDir, file), 'utf8');
  }
  return files;
}
