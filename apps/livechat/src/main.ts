import 'reflect-metadata';
import { LIVECHAT_SERVICE } from '@app/contracts';
import { bootstrapService } from '@app/transport';
import { AppModule } from './app.module';

void bootstrapService(AppModule, LIVECHAT_SERVICE).catch((err) => {
  console.error(err);
  process.exit(1);
});
