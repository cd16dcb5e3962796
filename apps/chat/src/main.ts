import 'reflect-metadata';
import { CHAT_SERVICE } from '@app/contracts';
import { bootstrapService } from '@app/transport';
import { AppModule } from './app.module';

void bootstrapService(AppModule, CHAT_SERVICE).catch((err) => {
  console.error(err);
  process.exit(1);
});
