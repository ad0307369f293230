// Shares, visits and the sharing guide's card (docs/DOMAIN.md "Shares").
export type ShareKind = 'product' | 'live' | 'store' | 'poster';

export interface CreateShareRequest {
  kind: ShareKind;
  targetId: string;
}
export interface Share {
  code: string;
  kind: ShareKind;
  targetId: string;
  guideId: string;
  storeId: string;
  path: string;
  scene: string;
}
/** `GET /api/shares/:code`: what a share code opens (a mini-program code carries only the code). */
export type ShareTarget = Pick<Share, 'code' | 'kind' | 'targetId' | 'path'>;

/** wx.getGroupEnterInfo's encrypted data (decrypted by the API with the member's session key). */
export interface GroupEnterInfo {
  encryptedData: string;
  iv: string;
}

export interface RecordVisitRequest {
  shareCode: string;
  scene?: number;
  chatType?: number;
  path?: string;
  /** When the card was opened in a group chat (the entry has a shareTicket). */
  group?: GroupEnterInfo;
}

/** `GET /api/shares/:code/guide`: the sharing guide's public card on the product page ("导购 王小美 为你推荐"). */
export interface GuideCard {
  guideId: string;
  name: string;
  storeId: string;
  storeName: string;
  storeCity: string;
  /** false once the guide has left the brand (the page shows the store only) */
  active: boolean;
  /** not kept yet: null */
  avatarUrl: string | null;
  /** a WeCom "contact me" QR code for adding the guide, when configured (not yet: null) */
  contactQrUrl: string | null;
}
