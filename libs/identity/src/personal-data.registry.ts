import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Adds one section to a member's data export (`GET /api/me/export`). */
export type PersonalDataExporter = (userId: string, tx: EntityManager) => Promise<unknown>;

/** Erases what a feature stores about a member, inside the erasure's transaction. */
export type PersonalDataEraser = (userId: string, tx: EntityManager) => Promise<void>;

/**
 * Each feature that stores something about a member registers here at start,
 * so export and erasure cover everything without identity knowing the
 * features (they depend on identity, not the other way round).
 */
@Injectable()
export class PersonalDataRegistry {
  private readonly exporters = new Map<string, PersonalDataExporter>();
  private readonly erasers: PersonalDataEraser[] = [];

  addExporter(section: string, exporter: PersonalDataExporter): void {
    this.exporters.set(section, exporter);
  }

  addEraser(eraser: PersonalDataEraser): void {
    this.erasers.push(eraser);
  }

  async exportAll(userId: string, tx: EntityManager): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const [section, exporter] of this.exporters)
      sections[section] = await exporter(userId, tx);
    return sections;
  }

  async eraseAll(userId: string, tx: EntityManager): Promise<void> {
    for (const eraser of this.erasers) await eraser(userId, tx);
  }
}
