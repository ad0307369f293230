import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

/**
 * Official Account followers by unionid (docs/WECHAT.md §6): the OA openid differs from the
 * mini-program's, so "follows the OA" is looked up by the unionid that joins them. Filled by the
 * follower sync (cgi-bin/user/get + user/info/batchget); followers without a unionid cannot be
 * joined and are not kept.
 */
@Entity('oa_followers')
export class OaFollowerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  unionid!: string;

  @Column({ type: 'varchar', length: 64 })
  oaOpenid!: string;

  /** False once a later full sync no longer lists them (unfollowed). */
  @Column({ type: 'boolean' })
  subscribed!: boolean;

  /** WeChat's subscribe_time: the last time they followed. */
  @InstantColumn({ nullable: true })
  subscribedAt!: Date | null;

  @InstantColumn()
  syncedAt!: Date;
}
