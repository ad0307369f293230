// The attribution and commission policy (docs/DOMAIN.md "Policy").
export type BindingMode = 'first_touch' | 'on_registration' | 'override';
export type ServicePriority = 'sharer_first' | 'service_first_same_store';
export type SelfReferralPolicy = 'deny' | 'allow';

export interface Policy {
  version: number;
  onlineWindowHours: number;
  storeWindowHours: number;
  selfReferral: SelfReferralPolicy;
  defaultRateBps: number;
  serviceRateBps: number;
  coolingOffDays: number;
  bindingMode: BindingMode;
  /** null: permanent */
  bindingValidityDays: number | null;
  protectionDays: number;
  servicePriority: ServicePriority;
  crossStoreShareCredit: boolean;
}
export type PolicyInput = Omit<Policy, 'version'>;
