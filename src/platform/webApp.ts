/**
 * The web app's own services (docs/mobile.md): its page, served by doGet with a viewport for
 * phones, and what the self-check reports of its visits.
 */

/** Where the web app's visits are noted (script properties: the web app's runs see them too). */
const VISITS_KEY = 'otop.webApp.visits';

/** When the web app last saw a visitor's e-mail, and last saw one hidden ('' when never). */
export interface WebVisits {
  readonly visibleAt: string;
  readonly hiddenAt: string;
}

/**
 * A project HTML page for a phone's browser: "width=device-width, initial-scale=1" with
 * HtmlOutput.addMetaTag, the only way to set a viewport, since the page is served inside
 * Google's frame and a <meta> tag in the file itself is not applied (Apps Script reference,
 * HtmlOutput.addMetaTag: "Adds a meta tag to the page. Meta tags included directly in an Apps
 * Script HTML file are ignored").
 * @param file the page's file name without .html
 * @param title the browser tab's title
 */
export function phonePage(file: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutputFromFile(file)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/**
 * Notes that the web app served a visitor whose e-mail Google showed or hid (no address kept).
 * @param visible whether Session gave the visitor's e-mail
 * @param when the time, as text
 */
export function noteWebVisit(visible: boolean, when: string): void {
  const store = PropertiesService.getScriptProperties();
  const now = webVisits();
  const next: WebVisits = visible ? { ...now, visibleAt: when } : { ...now, hiddenAt: when };
  store.setProperty(VISITS_KEY, JSON.stringify(next));
}

/** The web app's visits as noted (empty texts when it was never opened). */
export function webVisits(): WebVisits {
  const text = PropertiesService.getScriptProperties().getProperty(VISITS_KEY);
  try {
    const parsed = text ? (JSON.parse(text) as Partial<WebVisits>) : {};
    return { visibleAt: String(parsed.visibleAt ?? ''), hiddenAt: String(parsed.hiddenAt ?? '') };
  } catch {
    return { visibleAt: '', hiddenAt: '' };
  }
}
