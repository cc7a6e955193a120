/**
 * A minimal Blob (Utilities.newBlob, mail attachments). getAs('application/pdf') is a stub: it
 * returns a blob of type application/pdf whose bytes are FAKE_PDF_MARKER followed by the
 * source's bytes — NOT a real PDF (the fake renders nothing).
 */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

/** The first bytes of the fake's "PDF" (not a PDF: there is no renderer). */
export const FAKE_PDF_MARKER = 'FAKE-PDF (not a real PDF) of ';

const BLOB_METHODS = [
  'getBytes',
  'getContentType',
  'getDataAsString',
  'getName',
  'setName',
  'setContentType',
  'getBlob',
  'getAs',
  'copyBlob',
] as const satisfies readonly (keyof GoogleAppsScript.Base.Blob)[];

/** Bytes with a content type and a name. */
export class FakeBlob implements FakeOf<GoogleAppsScript.Base.Blob, (typeof BLOB_METHODS)[number]> {
  /**
   * @param ctx_ the execution
   * @param bytes_ the data
   * @param contentType_ MIME type or null
   * @param name_ file name or null
   */
  constructor(
    readonly ctx_: ExecutionContext,
    private bytes_: Uint8Array,
    private contentType_: string | null,
    private name_: string | null,
  ) {}

  /** The bytes as Apps Script gives them (signed, -128..127). */
  getBytes(): number[] {
    return Array.from(this.bytes_, (b) => (b > 127 ? b - 256 : b));
  }

  /** MIME type, or null. */
  getContentType(): string | null {
    return this.contentType_;
  }

  /** The data decoded as UTF-8. */
  getDataAsString(): string {
    return Buffer.from(this.bytes_).toString('utf8');
  }

  /** File name, or null. */
  getName(): string | null {
    return this.name_;
  }

  /** @param name file name */
  setName(name: string): FakeBlob {
    this.name_ = name;
    return this;
  }

  /** @param contentType MIME type */
  setContentType(contentType: string | null): FakeBlob {
    this.contentType_ = contentType;
    return this;
  }

  /** This blob. */
  getBlob(): FakeBlob {
    return this;
  }

  /**
   * The blob converted: its own type (a copy), or 'application/pdf' (a stub, see the module
   * header). "This method adds the appropriate extension to the filename ... the part of the
   * filename that follows the last period (if any) is an existing extension that should be
   * replaced" (reference/base/blob#getAs(String)).
   * @param contentType the MIME type
   */
  getAs(contentType: string): FakeBlob {
    if (contentType === this.contentType_) return this.copy_();
    if (contentType !== 'application/pdf') throw new Error(`Fake: conversion to ${contentType} is not supported.`);
    const marker = Buffer.from(`${FAKE_PDF_MARKER}${this.contentType_ ?? 'unknown type'}\n`, 'utf8');
    const bytes = new Uint8Array(marker.length + this.bytes_.length);
    bytes.set(marker);
    bytes.set(this.bytes_, marker.length);
    const name = this.name_ === null ? null : `${this.name_.replace(/\.[^.]*$/, '')}.pdf`;
    return new FakeBlob(this.ctx_, bytes, contentType, name);
  }

  /** A copy. */
  copyBlob(): FakeBlob {
    return this.copy_();
  }

  /** Name, type and a copy of the bytes, without recording calls (for the fake MailApp). */
  data_(): { name: string | null; contentType: string | null; bytes: Uint8Array } {
    return { name: this.name_, contentType: this.contentType_, bytes: new Uint8Array(this.bytes_) };
  }

  private copy_(): FakeBlob {
    return new FakeBlob(this.ctx_, new Uint8Array(this.bytes_), this.contentType_, this.name_);
  }
}
instrument(FakeBlob, 'Blob', BLOB_METHODS);
