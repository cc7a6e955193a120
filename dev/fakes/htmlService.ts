/**
 * Fake HtmlService: outputs and templates read from the workbook's HTML files. Templates
 * support `<?= expr ?>` (HTML-escaped), `<?!= expr ?>` (raw) and `<? code ?>` scriptlets
 * (guides/html/templates); escaping is plain HTML escaping, not Google's contextual escaping.
 */
import { instrument } from './callLedger';
import { SandboxMode, XFrameOptionsMode } from './enums';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

/**
 * The text of a project HTML file, or the Apps Script error.
 * @param ctx the execution
 * @param name "Sidebar" or "Sidebar.html"
 */
function readFile_(ctx: ExecutionContext, name: string): string {
  const files = ctx.book.htmlFiles;
  const text = files[name] ?? files[`${name}.html`];
  if (text === undefined) throw new Error(`No HTML file named ${name} was found.`);
  return text;
}

/**
 * HTML-escapes a value for `<?= ?>`.
 * @param value anything
 */
export function escapeHtml(value: unknown): string {
  return (value === null || value === undefined ? '' : String(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const OUTPUT_METHODS = [
  'getContent',
  'setContent',
  'append',
  'clear',
  'setTitle',
  'getTitle',
  'setWidth',
  'getWidth',
  'setHeight',
  'getHeight',
  'addMetaTag',
] as const satisfies readonly (keyof GoogleAppsScript.HTML.HtmlOutput)[];

/** HTML to show in a sidebar or dialog. */
export class FakeHtmlOutput implements FakeOf<GoogleAppsScript.HTML.HtmlOutput, (typeof OUTPUT_METHODS)[number]> {
  title_ = '';
  width_ = 0;
  height_ = 0;
  readonly metaTags_: Array<{ name: string; content: string }> = [];

  /**
   * @param ctx_ the execution
   * @param content_ the HTML
   * @param fromFile_ made from a project file, as it stands (not changed since)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    public content_: string,
    public fromFile_ = false,
  ) {}

  /** The HTML; a project file's as the platform's fileContent switch gives it (platform.ts). */
  getContent(): string {
    const view = this.fromFile_ ? this.ctx_.book.platform.fileContent : undefined;
    if (view === 'escaped') return this.content_.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    if (view === 'replaced') return this.content_.replace(/[\u0080-\uffff]/g, '\ufffd');
    return this.content_;
  }

  /** @param content replaces the HTML */
  setContent(content: string): FakeHtmlOutput {
    this.content_ = content;
    this.fromFile_ = false;
    return this;
  }

  /** @param addedContent appended HTML */
  append(addedContent: string): FakeHtmlOutput {
    this.content_ += addedContent;
    this.fromFile_ = false;
    return this;
  }

  /** Empties the HTML. */
  clear(): FakeHtmlOutput {
    this.content_ = '';
    this.fromFile_ = false;
    return this;
  }

  /** @param title page / sidebar title */
  setTitle(title: string): FakeHtmlOutput {
    this.title_ = title;
    return this;
  }

  /** The title. */
  getTitle(): string {
    return this.title_;
  }

  /** @param width pixels (ignored for sidebars) */
  setWidth(width: number): FakeHtmlOutput {
    this.width_ = width;
    return this;
  }

  /** The width set, 0 when none. */
  getWidth(): number {
    return this.width_;
  }

  /** @param height pixels */
  setHeight(height: number): FakeHtmlOutput {
    this.height_ = height;
    return this;
  }

  /** The height set, 0 when none. */
  getHeight(): number {
    return this.height_;
  }

  /**
   * Adds a meta tag to the page: "Only the following meta tags are allowed" — apple-mobile-web-app-capable,
   * google-site-verification, mobile-web-app-capable, viewport (reference/html/html-output#addMetaTag).
   * @param name the tag's name
   * @param content its content
   */
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    if (
      !['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable', 'google-site-verification'].includes(name)
    ) {
      throw new Error(`Invalid argument: name (meta tag ${name} is not allowed)`);
    }
    this.metaTags_.push({ name, content });
    return this;
  }
}
instrument(FakeHtmlOutput, 'HtmlOutput', OUTPUT_METHODS);

/**
 * Compiles a template into JavaScript source building the output in `__out`.
 * @param raw the template text
 */
function compile_(raw: string): string {
  let code = '';
  let last = 0;
  for (const m of raw.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    code += `__out += ${JSON.stringify(raw.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__out += __esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__out += __raw(${m[2]});\n`;
    else code += `${m[2]}\n`;
    last = (m.index ?? 0) + m[0].length;
  }
  return `${code}__out += ${JSON.stringify(raw.slice(last))};\n`;
}

const TEMPLATE_METHODS = [
  'evaluate',
  'getRawContent',
  'getCode',
] as const satisfies readonly (keyof GoogleAppsScript.HTML.HtmlTemplate)[];

/** A template; assign properties on it, then evaluate(). */
export class FakeHtmlTemplate implements FakeOf<GoogleAppsScript.HTML.HtmlTemplate, (typeof TEMPLATE_METHODS)[number]> {
  [property: string]: unknown;

  /**
   * @param ctx_ the execution
   * @param raw_ the template text
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly raw_: string,
  ) {}

  /** Runs the template with its own properties (and the execution's scope) in view. */
  evaluate(): FakeHtmlOutput {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) if (!key.endsWith('_')) data[key] = value;
    const body = `var __out = '';\nvar output = { append: function (s) { __out += __raw(s); }, appendUntrusted: function (s) { __out += __esc(s); } };\nwith (__scope) { with (__data) {\n${compile_(this.raw_)}} }\nreturn __out;`;
    const run = new Function('__data', '__scope', '__esc', '__raw', body) as (...a: unknown[]) => string;
    const raw = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    return new FakeHtmlOutput(this.ctx_, run(data, this.ctx_.scope ?? {}, escapeHtml, raw));
  }

  /** The template text. */
  getRawContent(): string {
    return this.raw_;
  }

  /** The JavaScript the template compiles to (the fake's own form). */
  getCode(): string {
    return compile_(this.raw_);
  }
}
instrument(FakeHtmlTemplate, 'HtmlTemplate', TEMPLATE_METHODS);

const SERVICE_METHODS = [
  'createHtmlOutput',
  'createHtmlOutputFromFile',
  'createTemplate',
  'createTemplateFromFile',
] as const satisfies readonly (keyof GoogleAppsScript.HTML.HtmlService)[];

/** HtmlService over the workbook's HTML files. */
export class FakeHtmlService
  implements
    FakeOf<GoogleAppsScript.HTML.HtmlService, (typeof SERVICE_METHODS)[number] | 'SandboxMode' | 'XFrameOptionsMode'>
{
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** @param html initial HTML */
  createHtmlOutput(html?: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.ctx_, html ?? '');
  }

  /** @param filename a project HTML file */
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.ctx_, readFile_(this.ctx_, filename), true);
  }

  /** @param html template text */
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.ctx_, html);
  }

  /** @param filename a project HTML file */
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.ctx_, readFile_(this.ctx_, filename));
  }

  /**
   * Fake-only: puts HTML files into the script project (as a push would), keeping any file of
   * the same name the workbook was made with (a test's own page stays).
   * @param files file text by name, without .html
   */
  addProjectFiles(files: Readonly<Record<string, string>>): void {
    const project = this.ctx_.book.htmlFiles;
    for (const [name, text] of Object.entries(files)) {
      if (project[name] === undefined && project[`${name}.html`] === undefined) project[name] = text;
    }
  }
}
instrument(FakeHtmlService, 'HtmlService', SERVICE_METHODS);
