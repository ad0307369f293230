// WeChat Pay's out_trade_no allows 6–32 characters of [0-9A-Za-z_-|*]: a UUID without its dashes.
export const toOutTradeNo = (orderId: string) => orderId.replace(/-/g, '');

export function fromOutTradeNo(outTradeNo: string): string | null {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/.exec(outTradeNo);
  return m ? m.slice(1).join('-') : null;
}
