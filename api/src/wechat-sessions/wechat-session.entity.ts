import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

/**
 * A member's latest WeChat session_key (from jscode2session at login), which decrypts what the
 * mini-program gets from WeChat for that session (group enter info). Kept encrypted, never returned.
 */
@Entity('member_wechat_sessions')
export class MemberWechatSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId!: string;

  /** base64(iv ‖ tag ‖ AES-256-GCM(session_key)) under a key derived from TOKEN_SECRET. */
  @Column({ type: 'varchar', length: 160 })
  sealedKey!: string;

  @InstantColumn()
  updatedAt!: Date;
}
