import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Live } from '@guideshare/contracts';
import type { LiveSession } from '@guideshare/rules';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { changesOf } from '../common/patch.js';
import { StoresService } from '../stores/stores.service.js';
import { LiveEntity } from './live.entity.js';
import { CreateLiveDto, UpdateLiveDto } from './lives.dto.js';

export type { Live };

const toLive = (l: LiveEntity): Live => ({
  id: l.id,
  title: l.title,
  storeId: l.storeId,
  startsAt: l.startsAt.toISOString(),
  endsAt: l.endsAt.toISOString(),
});

@Injectable()
export class LivesService {
  constructor(
    @InjectRepository(LiveEntity) private readonly lives: Repository<LiveEntity>,
    private readonly stores: StoresService,
  ) {}

  async create(input: CreateLiveDto): Promise<Live> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) throw AppError.badRequest('LIVE_TIMES_INVALID', 'endsAt must be after startsAt');
    await this.stores.require(input.storeId);
    const live: LiveEntity = {
      id: newId(),
      title: input.title,
      storeId: input.storeId,
      startsAt,
      endsAt,
      createdAt: new Date(),
    };
    await this.lives.insert(live);
    return toLive(live);
  }

  /** Title and times (the live keeps its store); the times must still end after they start. */
  async update(id: string, input: UpdateLiveDto): Promise<Live> {
    const changes = changesOf(input);
    const live = await this.lives.findOneBy({ id });
    if (!live) throw AppError.notFound('LIVE_NOT_FOUND', `No live ${id}`);
    const next: LiveEntity = {
      ...live,
      title: changes.title ?? live.title,
      startsAt: changes.startsAt ? new Date(changes.startsAt) : live.startsAt,
      endsAt: changes.endsAt ? new Date(changes.endsAt) : live.endsAt,
    };
    if (!(next.endsAt > next.startsAt))
      throw AppError.badRequest('LIVE_TIMES_INVALID', 'endsAt must be after startsAt');
    await this.lives.update({ id }, { title: next.title, startsAt: next.startsAt, endsAt: next.endsAt });
    return toLive(next);
  }

  async list(): Promise<Live[]> {
    return (await this.lives.find({ order: { startsAt: 'DESC' }, take: 100 })).map(toLive);
  }

  async get(id: string): Promise<Live> {
    const live = await this.lives.findOneBy({ id });
    if (!live) throw AppError.notFound('LIVE_NOT_FOUND', `No live ${id}`);
    return toLive(live);
  }

  exists(id: string): Promise<boolean> {
    return this.lives.existsBy({ id });
  }

  /** The live as plain data for the attribution rules; an unknown id is a 400. */
  async session(em: EntityManager, id: string): Promise<LiveSession> {
    const live = await em.getRepository(LiveEntity).findOneBy({ id });
    if (!live) throw AppError.badRequest('LIVE_NOT_FOUND', `No live ${id}`);
    return { id: live.id, storeId: live.storeId, startsAt: live.startsAt.getTime(), endsAt: live.endsAt.getTime() };
  }
}
