import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { AdminStore, IssuedStoreKey, Store } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { changesOf } from '../common/patch.js';
import { StoreEntity, StoreKeyEntity } from './store.entity.js';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const toStore = (s: StoreEntity): Store => ({ id: s.id, name: s.name, city: s.city });

@Injectable()
export class StoresService {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(StoreKeyEntity) private readonly keys: Repository<StoreKeyEntity>,
  ) {}

  async create(input: { name: string; city: string }): Promise<Store> {
    const store = this.stores.create({ id: newId(), ...input, createdAt: new Date() });
    await this.stores.insert(store);
    return toStore(store);
  }

  async list(): Promise<Store[]> {
    return (await this.stores.find({ order: { city: 'ASC', name: 'ASC' } })).map(toStore);
  }

  /** Every store with its counter keys (id and dates, never the secret or its hash). */
  async listForAdmin(): Promise<AdminStore[]> {
    const [stores, keys] = await Promise.all([
      this.stores.find({ order: { city: 'ASC', name: 'ASC' } }),
      this.keys.find({ order: { createdAt: 'ASC' } }),
    ]);
    return stores.map((s) => ({
      ...toStore(s),
      createdAt: s.createdAt.toISOString(),
      keys: keys
        .filter((k) => k.storeId === s.id)
        .map((k) => ({
          id: k.id,
          createdAt: k.createdAt.toISOString(),
          revokedAt: k.revokedAt?.toISOString() ?? null,
        })),
    }));
  }

  async update(id: string, input: { name?: string; city?: string }): Promise<Store> {
    const changes = changesOf(input);
    const store = await this.require(id);
    await this.stores.update({ id }, changes);
    return toStore({ ...store, ...changes });
  }

  async require(id: string): Promise<StoreEntity> {
    const store = await this.stores.findOneBy({ id });
    if (!store) throw AppError.notFound('STORE_NOT_FOUND', `No store ${id}`);
    return store;
  }

  /** A new counter secret, shown once; only its hash is kept. */
  async issueKey(storeId: string): Promise<IssuedStoreKey> {
    await this.require(storeId);
    const key = `sk_${randomBytes(24).toString('base64url')}`;
    const id = newId();
    await this.keys.insert({
      id,
      storeId,
      keyHash: hashKey(key),
      keyPrefix: key.slice(0, 8),
      createdAt: new Date(),
      revokedAt: null,
    });
    return { id, key, storeId };
  }

  async revokeKey(storeId: string, keyId: string): Promise<void> {
    const result = await this.keys.update({ id: keyId, storeId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw AppError.notFound('STORE_KEY_NOT_FOUND', `No active key ${keyId} for store ${storeId}`);
  }

  /** The store a counter key belongs to, or null for an unknown or revoked key. */
  async storeIdForKey(key: string): Promise<string | null> {
    const row = await this.keys.findOneBy({ keyHash: hashKey(key), revokedAt: IsNull() });
    return row?.storeId ?? null;
  }
}
