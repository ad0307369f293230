import type { DeliveryAddress, Fulfilment, MemberAddress } from '@guideshare/contracts';
import type { FulfilmentEntity, MemberAddressEntity } from './fulfilment.entities.js';

export function addressOf(f: FulfilmentEntity): DeliveryAddress | null {
  if (f.addrName === null) return null;
  return {
    name: f.addrName,
    phone: f.addrPhone ?? '',
    province: f.addrProvince ?? '',
    city: f.addrCity ?? '',
    district: f.addrDistrict ?? '',
    detail: f.addrDetail ?? '',
  };
}

export function addressColumns(a: DeliveryAddress | null) {
  return {
    addrName: a?.name ?? null,
    addrPhone: a?.phone ?? null,
    addrProvince: a?.province ?? null,
    addrCity: a?.city ?? null,
    addrDistrict: a?.district ?? null,
    addrDetail: a?.detail ?? null,
  };
}

/**
 * A fulfilment as the API shows it. The pickup code only with `revealPickupCode` (the buyer's own
 * view) and only once the order is paid: staff hand over by the code the buyer shows them.
 */
export function toFulfilment(f: FulfilmentEntity, revealPickupCode: boolean): Fulfilment {
  const view: Fulfilment = { type: f.type, status: f.status };
  if (f.type === 'delivery') view.address = addressOf(f);
  if (f.storeId) view.storeId = f.storeId;
  if (revealPickupCode && f.pickupCode && f.paidAt) view.pickupCode = f.pickupCode;
  if (f.carrier) view.carrier = f.carrier;
  if (f.trackingNo) view.trackingNo = f.trackingNo;
  if (f.shippedAt) view.shippedAt = f.shippedAt.toISOString();
  if (f.fulfilledAt) view.fulfilledAt = f.fulfilledAt.toISOString();
  return view;
}

export const toMemberAddress = (a: MemberAddressEntity): MemberAddress => ({
  name: a.name,
  phone: a.phone,
  province: a.province,
  city: a.city,
  district: a.district,
  detail: a.detail,
  updatedAt: a.updatedAt.toISOString(),
});
