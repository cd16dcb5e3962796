import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Queue } from 'bull';
import { Model } from 'mongoose';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENV, UsersRoomsEnv } from '@app/config';
import {
  DATA_EXPORT_QUEUE,
  DataDownloadJobData,
  DataExportJob,
  IExportOperation,
  RequestDataDownloadPayload,
  RequestDataDownloadResult,
} from '@app/contracts';
import { randomId } from '@app/database';
import { Errors } from '@app/envelope';
import { SettingsService } from '../settings/settings.service';
import { stripSecrets } from '../users/user-fields';
import { escapeHtml, htmlToText, renderMailTemplate } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { ExportOperation, ExportRoom } from './schemas/export-operation.schema';
import { UsersRepository } from '../users/users.repository';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { RoomsRepository } from '../rooms/rooms.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Operations whose job has nothing left to do. */
const FINISHED = new Set(['completed', 'skipped', 'failed']);

/** `<Site_Url>/data-export/<id>`, the link Rocket.Chat e-mails when an export is ready. */
export function dataExportUrl(siteUrl: string, id: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/data-export/${id}`;
}

/**
 * users.requestDataDownload (Rocket.Chat's `requestDataDownload` + `processDataDownloads`). A request records
 * an export operation (`preparing`, then `pending` with its folders) and queues a `data-download` job; asking
 * again within a day returns the last operation (`requested: false`). The job writes the user's profile, rooms
 * and subscriptions into the operation's folder, marks it `completed` and e-mails the user.
 *
 * Not exported (yet): the user's messages, which the chat service owns, and the avatar image; no zip file is
 * made and nothing serves `/data-export/<id>`: the files stay in `exportPath` on the service's disk.
 */
@Injectable()
export class DataDownloadService {
  private readonly logger = new Logger(DataDownloadService.name);

  constructor(
    @InjectModel(ExportOperation.name) private readonly operations: Model<ExportOperation>,
    private readonly users: UsersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly rooms: RoomsRepository,
    @InjectQueue(DATA_EXPORT_QUEUE) private readonly queue: Queue<DataDownloadJobData>,
    @Inject(APP_ENV) private readonly env: UsersRoomsEnv,
    private readonly settings: SettingsService,
    private readonly mail: MailService,
  ) {}

  private get basePath(): string {
    return this.env.DATA_EXPORT_PATH.trim() || join(tmpdir(), 'rc-exports');
  }

  async request(p: RequestDataDownloadPayload): Promise<RequestDataDownloadResult> {
    const last = await this.operations
      .findOne({ userId: p.caller._id, fullExport: !!p.fullExport })
      .sort({ createdAt: -1 })
      .lean();
    if (last && new Date(last.createdAt).getTime() > Date.now() - DAY_MS) {
      if (!FINISHED.has(last.status)) {
        // a request that ended between recording the operation and queueing its job (a replica killed, the
        // request then redelivered to another one) left the operation without a job: queue it now. The job id is
        // the operation id, so a job that is already there is not queued twice.
        await this.queue.add(DataExportJob.DataDownload, { operationId: last._id }, { jobId: last._id });
      }
      return { requested: false, exportOperation: last as unknown as IExportOperation };
    }
    const user = await this.users.findById(p.caller._id);
    if (!user) {
      throw Errors.invalidUser();
    }
    const now = new Date();
    const id = randomId();
    await this.operations.create({
      _id: id,
      status: 'preparing',
      userId: user._id,
      fileList: [],
      fullExport: !!p.fullExport,
      userData: stripSecrets(user),
      createdAt: now,
      _updatedAt: now,
    });
    const exportPath = join(this.basePath, id);
    const assetsPath = join(exportPath, 'assets');
    await mkdir(assetsPath, { recursive: true });
    await this.operations.updateOne(
      { _id: id },
      { $set: { status: 'pending', exportPath, assetsPath, _updatedAt: new Date() } },
    );
    const exportOperation = await this.operations.findById(id).lean();
    try {
      // the job id is the operation id: a repeated add (a retried request) does not queue it twice
      await this.queue.add(DataExportJob.DataDownload, { operationId: id }, { jobId: id });
    } catch (err) {
      await this.markFailed(id, `not queued: ${(err as Error).message}`);
      throw err;
    }
    return { requested: true, exportOperation: exportOperation as unknown as IExportOperation };
  }

  /** The `data-download` job: builds the export of one operation. Safe to run again after a crash. */
  async build(operationId: string): Promise<void> {
    const op = await this.operations.findById(operationId).lean();
    if (!op || op.status === 'completed' || op.status === 'skipped' || op.status === 'failed') {
      return;
    }
    const exportPath = op.exportPath ?? join(this.basePath, op._id);
    await mkdir(join(exportPath, 'assets'), { recursive: true });
    const subs = await this.subscriptions.find({ 'u._id': op.userId });
    const rooms = await this.rooms.find(
      { _id: { $in: subs.map((s) => s.rid) } },
      { projection: { joinCode: 0, members: 0, importIds: 0, e2e: 0 } },
    );
    const roomById = new Map(rooms.map((r) => [r._id, r]));
    const type = op.fullExport ? 'json' : 'html';
    const roomList: ExportRoom[] = subs.map((s) => {
      const room = roomById.get(s.rid);
      const roomName = room?.name ?? room?.fname ?? s.name ?? s.rid;
      return {
        roomId: s.rid,
        roomName,
        userId: s.t === 'd' ? undefined : op.userId,
        exportedCount: 0,
        status: 'completed',
        type: s.t,
        targetFile: `${(type === 'json' && roomName) || s.rid}.${type}`,
      };
    });
    await this.setStatus(op._id, op.fullExport ? 'exporting-rooms' : 'exporting', { roomList });

    const userData = (op.userData ?? {}) as Record<string, unknown>;
    const profile = {
      username: userData.username,
      name: userData.name,
      statusText: userData.statusText,
      emails: ((userData.emails as { address: string }[] | undefined) ?? []).map((e) => e.address),
      roles: userData.roles,
    };
    if (op.fullExport) {
      await writeFile(join(exportPath, 'user.json'), JSON.stringify(profile), 'utf8');
    } else {
      await writeFile(join(exportPath, 'user.html'), userHtml(profile), 'utf8');
    }
    await writeFile(
      join(exportPath, 'channels.json'),
      roomList.map((r) => JSON.stringify({ roomId: r.roomId, roomName: r.roomName, type: r.type })).join('\n'),
      'utf8',
    );
    await writeFile(join(exportPath, 'subscriptions.json'), JSON.stringify(subs, null, 2), 'utf8');
    await writeFile(join(exportPath, 'rooms.json'), JSON.stringify(rooms, null, 2), 'utf8');
    // the e-mail is queued before the state flips, so a crash in between repeats it (de-duplicated by job
    // id) rather than loses it
    await this.notify(op._id, userData);
    await this.setStatus(op._id, 'completed', { generatedFile: exportPath, generatedUserFile: true });
  }

  /** A job that failed for good leaves its operation `failed` (Rocket.Chat's state) with the reason. */
  async markFailed(operationId: string, reason: string): Promise<void> {
    await this.operations.updateOne(
      { _id: operationId, status: { $nin: ['completed', 'skipped'] } },
      { $set: { status: 'failed', failReason: reason, _updatedAt: new Date() } },
    );
  }

  private async setStatus(id: string, status: ExportOperation['status'], extra: Record<string, unknown> = {}) {
    await this.operations.updateOne({ _id: id }, { $set: { status, ...extra, _updatedAt: new Date() } });
  }

  private async notify(operationId: string, userData: Record<string, unknown>): Promise<void> {
    const emails = (userData.emails as { address: string }[] | undefined) ?? [];
    const address = emails[0]?.address;
    if (!address) {
      this.logger.warn(`export ${operationId} completed; the user has no e-mail address to tell`);
      return;
    }
    const siteUrl = String((await this.settings.get<string>('Site_Url')) ?? '');
    const html = renderMailTemplate(
      '{UserDataDownload_EmailBody}',
      { download_link: dataExportUrl(siteUrl, operationId) },
      { html: true },
    );
    await this.mail.enqueue(
      { to: address, subject: renderMailTemplate('{UserDataDownload_EmailSubject}', {}), html, text: htmlToText(html) },
      `data-download:${operationId}`,
    );
  }
}

function userHtml(profile: Record<string, unknown>): string {
  const lines = ['<!DOCTYPE html>', '<meta http-equiv="content-type" content="text/html; charset=utf-8">'];
  for (const [key, value] of Object.entries(profile)) {
    if (typeof value === 'string') {
      lines.push(`<p><strong>${key}</strong>:${escapeHtml(value)}</p>`);
    } else if (Array.isArray(value)) {
      lines.push(`<p><strong>${key}</strong>:<br/>${value.map((v) => `${escapeHtml(String(v))}<br/>`).join('')}</p>`);
    }
  }
  return `${lines.join('\n')}\n`;
}
