import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Queue } from 'bull';
import { Model } from 'mongoose';
import { AuthUser, DATA_EXPORT_QUEUE } from '@app/contracts';
import { contextModule } from '../../../../test/int/context-module';
import { AuthModule } from '../auth/auth.module';
import { AuthorizationModule } from '../authorization/authorization.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersService } from '../users/users.service';
import { DataDownloadService } from './data-download.service';
import { DataExportModule } from './data-export.module';
import { ExportOperation } from './schemas/export-operation.schema';

describe('data-export context (middle tier: a request redelivered after a crash)', () => {
  let app: INestApplicationContext;
  let sut: DataDownloadService;
  let queue: Queue;
  let operations: Model<ExportOperation>;
  let caller: AuthUser;

  beforeAll(async () => {
    app = await contextModule([SettingsModule, AuthorizationModule, AuthModule, DataExportModule]);
    sut = app.get(DataDownloadService);
    queue = app.get<Queue>(getQueueToken(DATA_EXPORT_QUEUE));
    operations = app.get<Model<ExportOperation>>(getModelToken(ExportOperation.name));
    // the jobs stay queued: this test looks at the queue, not at the export
    await queue.pause(true);
    const user = await app.get(UsersService).insert({ username: `dl-${Date.now()}`, name: 'dl', roles: ['user'] });
    caller = { _id: user._id, username: user.username!, roles: ['user'], type: 'user', active: true, hashedToken: 'x' };
  });

  afterAll(async () => {
    await app?.close();
  });

  it('queues the job again for an unfinished operation whose job was lost, and never twice', async () => {
    const first = await sut.request({ caller });
    expect(first.requested).toBe(true);
    const id = first.exportOperation._id;
    expect(await queue.getJob(id)).not.toBeNull();

    // the replica died after recording the operation and before queueing the job
    await (await queue.getJob(id))!.remove();
    expect(await queue.getJob(id)).toBeNull();

    const again = await sut.request({ caller });
    expect(again).toEqual(expect.objectContaining({ requested: false }));
    expect(again.exportOperation._id).toBe(id);
    expect(await queue.getJob(id)).not.toBeNull();

    await sut.request({ caller });
    expect((await queue.getWaiting()).filter((j) => j.data.operationId === id)).toHaveLength(1);
  });

  it('does not queue a finished operation again', async () => {
    const first = await sut.request({ caller, fullExport: true });
    const id = first.exportOperation._id;
    await (await queue.getJob(id))!.remove();
    await operations.updateOne({ _id: id }, { $set: { status: 'completed' } });
    const again = await sut.request({ caller, fullExport: true });
    expect(again.requested).toBe(false);
    expect(await queue.getJob(id)).toBeNull();
  });
});
