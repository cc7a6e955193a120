/** A minimal Blob (Utilities.newBlob, mail attachments). */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

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

  /** @param contentType only the blob's own type is supported (no conversion) */
  getAs(contentType: string): FakeBlob {
    if (contentType !== this.contentType_) throw new Error(`Fake: conversion to ${contentType} is not supported.`);
    return this.copy_();
  }

  /** A copy. */
  copyBlob(): FakeBlob {
    return this.copy_();
  }

  private copy_(): FakeBlob {
    return new FakeBlob(this.ctx_, new Uint8Array(this.bytes_), this.contentType_, this.name_);
  }
}
instrument(FakeBlob, 'Blob', BLOB_METHODS);
