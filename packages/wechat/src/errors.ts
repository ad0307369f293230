/** Why a WeChat Pay signature, notification or response was rejected; stable codes for logs and tests. */
export type VerificationReason =
  | 'SERIAL_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_SKEW'
  | 'MISSING_HEADER'
  | 'DECRYPT_FAILED'
  | 'MALFORMED'
  | 'MCHID_MISMATCH'
  | 'HASH_MISMATCH';

/** Something claiming to come from WeChat Pay (or a merchant) could not be authenticated. */
export class WechatPayVerificationError extends Error {
  override name = 'WechatPayVerificationError';
  constructor(
    readonly reason: VerificationReason,
    message: string = reason,
  ) {
    super(message);
  }
}

/**
 * A WeChat / WeCom / WeChat Pay API answered with an error.
 * `errcode` is WeChat's numeric errcode (`{errcode, errmsg}` APIs) or WeChat Pay v3's string `code`
 * (`{code, message}`); `status` is the HTTP status (WeChat answers most errors with 200).
 */
export class WechatApiError extends Error {
  override name = 'WechatApiError';
  readonly status: number;
  readonly errcode: number | string;
  readonly errmsg: string;
  readonly body: unknown;
  constructor(init: { status: number; errcode: number | string; errmsg: string; body?: unknown; endpoint?: string }) {
    super(`${init.endpoint ? `${init.endpoint}: ` : ''}${init.errcode} ${init.errmsg} (HTTP ${init.status})`);
    this.status = init.status;
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.body = init.body;
  }
}
