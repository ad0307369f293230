// Logins: the mini-program's consumer and guide, the console's staff (docs/DOMAIN.md).
export type Role = 'consumer' | 'guide' | 'finance' | 'admin' | 'clerk';
/** The console's roles (a staff account's). */
export type StaffRole = Extract<Role, 'admin' | 'finance' | 'clerk'>;

export interface ApiError {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
}

export interface AuthWechatRequest {
  code: string;
}
export interface AuthWechatResponse {
  token: string;
  member: { id: string; openid: string };
}
export interface AuthGuideRequest {
  code: string;
}
export interface AuthGuideResponse {
  token: string;
  guide: { id: string; storeId: string; name: string };
}
export interface AuthStaffRequest {
  username: string;
  password: string;
}
export interface AuthStaffResponse {
  token: string;
  role: StaffRole;
  /** A clerk's store (the only one it acts for). */
  storeId?: string;
}
