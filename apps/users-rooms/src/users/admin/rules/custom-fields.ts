import { Refusal } from './user-edit-rules';

interface CustomFieldMeta {
  type?: string;
  required?: boolean;
  options?: string[];
  minLength?: number;
  maxLength?: number;
  modifyRecordField?: { field: string; array?: boolean };
}

export interface CustomFieldsUpdate {
  /** `$set` entries: `customFields` plus any `modifyRecordField` targets */
  set: Record<string, unknown>;
  /** `$addToSet` entries for `modifyRecordField.array` targets */
  addToSet: Record<string, unknown>;
}

const fieldError = (reason: string): Refusal => ({
  errorType: 'error-user-registration-custom-field',
  reason,
  details: { method: 'registerUser' },
});

/**
 * Rocket.Chat's saveCustomFields: nothing happens unless `Accounts_CustomFields` defines fields (JSON); then the
 * values are validated (required, select options, length) and only the defined fields are stored.
 */
export function customFieldsUpdate(
  definitionJson: string | undefined,
  values: Record<string, unknown>,
): { refusal: Refusal } | { update: CustomFieldsUpdate } | null {
  if (!definitionJson?.trim()) {
    return null;
  }
  let meta: Record<string, CustomFieldMeta>;
  try {
    meta = JSON.parse(definitionJson) as Record<string, CustomFieldMeta>;
  } catch {
    return { refusal: { errorType: 'error-invalid-customfield-json', reason: 'Invalid JSON for Custom Fields' } };
  }
  const customFields: Record<string, unknown> = {};
  const update: CustomFieldsUpdate = { set: {}, addToSet: {} };
  for (const [name, field] of Object.entries(meta ?? {})) {
    const value = values[name];
    customFields[name] = value;
    const text =
      typeof value === 'string'
        ? value.trim()
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : '';
    if (field.required && text === '') {
      return { refusal: fieldError(`Field ${name} is required`) };
    }
    if (field.type === 'select' && field.options && !field.options.includes(value as string)) {
      return { refusal: fieldError(`Value for field ${name} is invalid`) };
    }
    if (field.maxLength && text.length > field.maxLength) {
      return { refusal: fieldError(`Max length of field ${name} ${field.maxLength}`) };
    }
    if (field.minLength && text.length > 0 && text.length < field.minLength) {
      return { refusal: fieldError(`Min length of field ${name} ${field.minLength}`) };
    }
    if (field.modifyRecordField?.field) {
      const target = field.modifyRecordField.array ? update.addToSet : update.set;
      target[field.modifyRecordField.field] = value;
    }
  }
  update.set.customFields = customFields;
  return { update };
}
