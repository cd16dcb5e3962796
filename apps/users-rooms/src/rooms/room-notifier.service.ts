import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InternalPattern, IUserRef, RcEvent } from '@app/contracts';
import { callIdOf, EventBus, RpcClient } from '@app/transport';

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A 17-character Rocket.Chat id derived from a key (the same key gives the same id). */
function idFrom(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let out = '';
  for (let i = 0; i < 17; i++) {
    out += UNMISTAKABLE[digest[i] % UNMISTAKABLE.length];
  }
  return out;
}

/**
 * What the rooms context tells the rest of the system after a change: chat writes the system message
 * (a durable event on chat's stream, handled once, its id derived from the call so a redelivered call does not
 * write it twice), and every replica of chat and the gateway drops what it cached about the room or membership.
 */
@Injectable()
export class RoomNotifier {
  constructor(
    private readonly rpc: RpcClient,
    private readonly events: EventBus,
  ) {}

  /**
   * Rocket.Chat's `Message.saveSystemMessage(t, rid, msg, user, extra)`. `call` is the payload of the call being
   * handled: the message's id derives from its call id (`callIdOf`), the same when the call is redelivered.
   */
  async systemMessage(
    call: object,
    rid: string,
    t: string,
    msg: string,
    user: IUserRef,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    const callId = callIdOf(call) ?? `${Date.now()}:${Math.random()}`;
    await this.rpc.emit(InternalPattern.ChatSystemMessage, {
      _id: idFrom(`system:${callId}:${rid}:${t}:${msg}:${JSON.stringify(extra ?? {})}`),
      rid,
      t,
      msg,
      u: { _id: user._id, username: user.username, ...(user.name ? { name: user.name } : {}) },
      ts: new Date().toISOString(),
      ...(extra ? { extra } : {}),
    });
  }

  async roomChanged(rid: string): Promise<void> {
    await this.events.publish(RcEvent.RoomChanged, { rid });
  }

  async membershipChanged(rid: string, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      await this.events.publish(RcEvent.SubscriptionChanged, { rid, userId });
    }
  }

  /** The room is gone: chat removes its messages and files, every cache forgets it. */
  async roomDeleted(rid: string): Promise<void> {
    await this.rpc.emit(InternalPattern.ChatRoomDeleted, { rid });
    await this.roomChanged(rid);
  }
}
