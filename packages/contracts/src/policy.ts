// The attribution and commission policy (docs/DOMAIN.md "Policy").
/** How a member's service guide is chosen (docs/DOMAIN.md "Attribution policy options"). */
export type BindingMode = 'first_touch' | 'on_registration' | 'override';
/** Whether a share by another guide of the member's service store takes credit from the service guide. */
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
