// What a failing call of this package reports, for tests to compare in one expression.
import { WechatApiError, WechatPayVerificationError } from '../errors.js';

/** The WechatPayVerificationError reason `run` throws, or 'PASSED'. */
export function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof WechatPayVerificationError) return err.reason;
    throw err;
  }
  return 'PASSED';
}

/** The WechatApiError errcode `p` rejects with, or 'OK'. */
export async function errcodeOf(p: Promise<unknown>): Promise<number | string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WechatApiError) return err.errcode;
    throw err;
  }
  return 'OK';
}
