/**
 * Type machinery that ties each fake to the real Apps Script declarations of
 * `@types/google-apps-script`: `FakeOf<Real, 'a' | 'b'>` is the real interface restricted to the
 * listed members, with every real service object type in parameters and results replaced by its
 * fake (a FakeRange instead of a Range, ...). A class `implements` it, so a method Google does
 * not have, or a signature that does not accept Google's arguments, does not compile.
 * For overloaded methods the last overload is checked (the fake usually accepts all of them).
 */
import type { FakeBlob } from './blob';
import type { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type {
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
} from './conditionalFormat';
import type { FakeDataValidation, FakeDataValidationBuilder } from './dataValidation';
import type {
  FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  FakeDeveloperMetadataLocation,
} from './developerMetadata';
import type { FakeHtmlOutput, FakeHtmlTemplate } from './htmlService';
import type { FakeLock } from './lockService';
import type { FakeLogger } from './logger';
import type { FakeNamedRange } from './namedRange';
import type { FakeProperties } from './propertiesService';
import type { FakeProtection } from './protection';
import type { FakeRange } from './range';
import type { FakeUser } from './session';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeClockTriggerBuilder, FakeTrigger, FakeTriggerBuilder } from './triggers';
import type { FakeMenu, FakeUi } from './ui';

// Builders are checked before the objects they build: a builder structurally satisfies its product.
type SwapOne_<T> = T extends readonly (infer E)[]
  ? Swap<E>[]
  : T extends GoogleAppsScript.Spreadsheet.Range
    ? FakeRange
    : T extends GoogleAppsScript.Spreadsheet.Sheet
      ? FakeSheet
      : T extends GoogleAppsScript.Spreadsheet.Spreadsheet
        ? FakeSpreadsheet
        : T extends GoogleAppsScript.Spreadsheet.Protection
          ? FakeProtection
          : T extends GoogleAppsScript.Spreadsheet.NamedRange
            ? FakeNamedRange
            : T extends GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder
              ? FakeConditionalFormatRuleBuilder
              : T extends GoogleAppsScript.Spreadsheet.ConditionalFormatRule
                ? FakeConditionalFormatRule
                : T extends GoogleAppsScript.Spreadsheet.BooleanCondition
                  ? FakeBooleanCondition
                  : T extends GoogleAppsScript.Spreadsheet.DataValidationBuilder
                    ? FakeDataValidationBuilder
                    : T extends GoogleAppsScript.Spreadsheet.DataValidation
                      ? FakeDataValidation
                      : SwapMetadata_<T>;

type SwapMetadata_<T> = T extends GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder
  ? FakeDeveloperMetadataFinder
  : T extends GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation
    ? FakeDeveloperMetadataLocation
    : T extends GoogleAppsScript.Spreadsheet.DeveloperMetadata
      ? FakeDeveloperMetadata
      : SwapServices_<T>;

type SwapServices_<T> = T extends GoogleAppsScript.Base.Ui
  ? FakeUi
  : T extends GoogleAppsScript.Base.Menu
    ? FakeMenu
    : T extends GoogleAppsScript.Base.Blob
      ? FakeBlob
      : T extends GoogleAppsScript.Base.Logger
        ? FakeLogger
        : T extends GoogleAppsScript.HTML.HtmlOutput
          ? FakeHtmlOutput
          : T extends GoogleAppsScript.HTML.HtmlTemplate
            ? FakeHtmlTemplate
            : T extends GoogleAppsScript.Lock.Lock
              ? FakeLock
              : T extends GoogleAppsScript.Properties.Properties
                ? FakeProperties
                : T extends GoogleAppsScript.Base.User
                  ? FakeUser
                  : SwapScript_<T>;

type SwapScript_<T> = T extends
  | GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder
  | GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder
  | GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder
  ? FakeEmbeddedChartBuilder
  : T extends GoogleAppsScript.Spreadsheet.EmbeddedChart
    ? FakeEmbeddedChart
    : SwapTriggers_<T>;

type SwapTriggers_<T> = T extends GoogleAppsScript.Script.ClockTriggerBuilder
  ? FakeClockTriggerBuilder
  : T extends GoogleAppsScript.Script.TriggerBuilder
    ? FakeTriggerBuilder
    : T extends GoogleAppsScript.Script.Trigger
      ? FakeTrigger
      : T;

/** Replaces real Apps Script object types by their fakes (through unions and arrays). */
export type Swap<T> = 0 extends 1 & T ? T : T extends unknown ? SwapOne_<T> : never;

/** Swap applied to each parameter of a tuple. */
export type SwapArgs<A extends unknown[]> = { [I in keyof A]: Swap<A[I]> };

/** The real interface `Real` restricted to `K`, with real object types swapped for fakes. */
export type FakeOf<Real, K extends keyof Real> = {
  [P in K]: Real[P] extends (...args: infer A extends unknown[]) => infer R
    ? (...args: SwapArgs<A>) => Swap<R>
    : Real[P];
};
