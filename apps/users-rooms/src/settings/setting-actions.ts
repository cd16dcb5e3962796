import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/contracts';

export type SettingActionHandler = (caller: AuthUser) => Promise<void>;

/**
 * What `POST settings/:_id {execute: true}` runs for an action setting (its value names the action). Contexts
 * above settings register their actions at start (the users context: `sendSMTPTestEmail`); the settings API
 * refuses to start when an action setting has no handler.
 */
@Injectable()
export class SettingActions {
  private readonly handlers = new Map<string, SettingActionHandler>();

  register(name: string, handler: SettingActionHandler): void {
    this.handlers.set(name, handler);
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  async run(name: string, caller: AuthUser): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) {
      throw new Error(`no handler for the setting action ${name}`);
    }
    await handler(caller);
  }
}
