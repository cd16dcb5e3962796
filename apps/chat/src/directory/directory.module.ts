import { Module } from '@nestjs/common';
import { UserDirectory } from './user-directory.service';

/** Usernames → users, cached per replica (mentions, DMs). */
@Module({ providers: [UserDirectory], exports: [UserDirectory] })
export class DirectoryModule {}
