import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { findHostileInput } from './hostile-input.js';

/** class-validator constraint names → the short codes clients see in `errors`. */
const CODE_OF_CONSTRAINT: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  arrayNotEmpty: 'required',
  arrayMinSize: 'too_few',
  arrayMaxSize: 'too_many',
  minLength: 'too_short',
  maxLength: 'too_long',
  isLength: 'length',
  isString: 'not_string',
  isInt: 'not_integer',
  isBoolean: 'not_boolean',
  isArray: 'not_array',
  isIn: 'invalid_value',
  isEnum: 'invalid_value',
  isUUID: 'not_uuid',
  isISO8601: 'not_datetime',
  isDateString: 'not_datetime',
  min: 'too_small',
  max: 'too_large',
  equals: 'must_be_true',
  nestedValidation: 'invalid',
  isObject: 'not_object',
};

/** Custom constraints (common/validators.ts) are named `rule:*` and carry the code as their message. */
function codeOf(constraint: string, message: string): string {
  if (constraint.startsWith('rule')) return message;
  return CODE_OF_CONSTRAINT[constraint] ?? constraint;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      // Prefer the most specific constraint: presence first, then type, then the rule.
      const [name, message] = constraints[constraints.length - 1]!;
      const required = constraints.find(([n]) => n === 'isDefined' || n === 'isNotEmpty');
      out[path] = required ? 'required' : codeOf(name, message);
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

export function describeFieldErrors(errors: Record<string, string>): string {
  const entries = Object.entries(errors);
  const shown = entries
    .slice(0, 5)
    .map(([field, code]) => `${field}: ${code}`)
    .join('; ');
  return `Validation failed — ${shown}${entries.length > 5 ? ` (+${entries.length - 5} more)` : ''}`;
}

/**
 * The global pipe: first the checks every raw value gets (common/hostile-input.ts: NUL characters,
 * prototype keys, nesting depth) on bodies, query strings and route params alike, then class-validator.
 */
class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const hostile = findHostileInput(value, metadata.data ?? '');
      if (hostile) return Promise.reject(new DomainError('VALIDATION_FAILED', describeFieldErrors(hostile), hostile));
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return new DomainError('VALIDATION_FAILED', describeFieldErrors(fieldErrors), fieldErrors);
    },
  });
}
