import type { MemberEntity } from './member.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A member's own columns as the API answers them (instants as ISO strings). The unionid and the
 * phone number are not in it: only the member's own data export adds them.
 */
export function memberRecord(m: MemberEntity) {
  return {
    id: m.id,
    openid: m.openid,
    registeredAt: iso(m.registeredAt),
    openingGuideId: m.openingGuideId,
    serviceGuideId: m.serviceGuideId,
    serviceStoreId: m.serviceStoreId,
    boundAt: iso(m.boundAt),
    createdAt: m.createdAt.toISOString(),
  };
}
