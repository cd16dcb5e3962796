import { ValidationError, ValidationPipe } from '@nestjs/common';
import { RcError } from '@app/envelope';

/** class-validator constraint → the message Rocket.Chat's ajv schemas give. */
function messagesOf(error: ValidationError, parentPath = ''): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  const out: string[] = [];
  const c = error.constraints ?? {};
  if (c.whitelistValidation) {
    out.push('must NOT have additional properties');
  } else if (error.value === undefined && (c.isDefined || c.isNotEmpty)) {
    out.push(`must have required property '${path}'`);
  } else {
    for (const [key, text] of Object.entries(c)) {
      switch (key) {
        case 'isString':
          out.push(`must be string`);
          break;
        case 'isBoolean':
          out.push(`must be boolean`);
          break;
        case 'isArray':
          out.push(`must be array`);
          break;
        case 'isObject':
          out.push(`must be object`);
          break;
        case 'isInt':
        case 'isNumber':
          out.push(`must be number`);
          break;
        case 'isNotEmpty':
        case 'minLength':
          out.push(`must NOT have fewer than 1 characters`);
          break;
        default:
          out.push(text);
      }
    }
  }
  for (const child of error.children ?? []) {
    out.push(...messagesOf(child, path));
  }
  return out;
}

/** The gateway's one ValidationPipe: unknown keys refused, failures as Rocket.Chat's `invalid-params`. */
export function rcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => RcError.invalidParams([...new Set(errors.flatMap((e) => messagesOf(e)))].join('\n ')),
  });
}
