/**
 * The gateway's validation, two ways, on one route (users.create's body), in one process: class-validator behind
 * Nest's ValidationPipe (whitelist + transform, as the gateway used it) against the ajv schema compiled once
 * (`@app/validation`, what the gateway uses now). Prints µs per valid body, per invalid body (the error text
 * built), and the error texts both give. `node dist/bench/validation.js` after `npm run build`.
 */
import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { IsArray, IsBoolean, IsDefined, IsObject, IsOptional, IsString } from 'class-validator';
import { RcError } from '@app/envelope';
import { assertValid, compileSchema } from '@app/validation';
import { UsersCreateDto } from '../apps/gateway/src/users/dto/users-create.dto';
import { fmt, intEnv } from './common';

class UsersCreateClass {
  @IsDefined() @IsString() email: string;
  @IsDefined() @IsString() name: string;
  @IsDefined() @IsString() password: string;
  @IsDefined() @IsString() username: string;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsString() bio?: string;
  @IsOptional() @IsString() nickname?: string;
  @IsOptional() @IsString() statusText?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) roles?: string[];
  @IsOptional() @IsBoolean() joinDefaultChannels?: boolean;
  @IsOptional() @IsBoolean() requirePasswordChange?: boolean;
  @IsOptional() @IsBoolean() setRandomPassword?: boolean;
  @IsOptional() @IsBoolean() sendWelcomeEmail?: boolean;
  @IsOptional() @IsBoolean() verified?: boolean;
  @IsOptional() @IsObject() customFields?: Record<string, unknown>;
}

const valid = { email: 'a@b.c', name: 'Jane', password: 'x', username: 'jane', roles: ['user'], verified: true };
const invalid = { email: 'a@b.c', name: 'Jane', password: 'x', username: 5, isAdmin: true };

const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) =>
    RcError.invalidParams(errors.map((e) => Object.values(e.constraints ?? {})).join('\n ')),
});
const meta: ArgumentMetadata = { type: 'body', metatype: UsersCreateClass };
const ajv = compileSchema(UsersCreateDto, 'body');

async function time(label: string, n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(2000, n); i++) {
    await fn();
  }
  const start = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await fn();
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  const cpu = process.cpuUsage(start);
  const cpuUs = (cpu.user + cpu.system) / n;
  console.log(`${label.padEnd(44)} ${fmt(wall, 2).padStart(8)} µs wall  ${fmt(cpuUs, 2).padStart(8)} µs CPU per call`);
  return cpuUs;
}

const errorOf = async (fn: () => unknown): Promise<string> => {
  try {
    await fn();
    return '(accepted)';
  } catch (err) {
    return (err as Error).message;
  }
};

async function main(): Promise<void> {
  const n = intEnv('VALIDATION_BENCH_N', 50000, 100);
  console.log(`users.create body validation, ${fmt(n)} calls each (Node ${process.version})`);
  const cvValid = await time('class-validator ValidationPipe, valid body', n, () => pipe.transform({ ...valid }, meta));
  const ajvValid = await time('ajv compiled schema, valid body', n, () => assertValid(ajv, { ...valid }));
  const cvInvalid = await time('class-validator ValidationPipe, invalid body', n, () =>
    pipe.transform({ ...invalid }, meta).catch(() => undefined),
  );
  const ajvInvalid = await time('ajv compiled schema, invalid body', n, () => {
    try {
      assertValid(ajv, { ...invalid });
    } catch {
      // the refusal is the measured path
    }
  });
  console.log(
    `ajv is ${fmt(cvValid / ajvValid, 1)}x cheaper on a valid body, ${fmt(cvInvalid / ajvInvalid, 1)}x on an invalid one`,
  );
  console.log(
    `error text, class-validator: ${JSON.stringify(await errorOf(() => pipe.transform({ ...invalid }, meta)))}`,
  );
  console.log(`error text, ajv:             ${JSON.stringify(await errorOf(() => assertValid(ajv, { ...invalid })))}`);
}

void main();
