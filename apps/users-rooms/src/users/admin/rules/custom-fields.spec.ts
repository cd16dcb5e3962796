import { customFieldsUpdate } from './custom-fields';

describe(customFieldsUpdate.name, () => {
  const definition = JSON.stringify({
    team: { type: 'select', options: ['red', 'blue'], required: true },
    code: { type: 'text', minLength: 2, maxLength: 4, modifyRecordField: { field: 'employeeCode' } },
  });

  it('does nothing when no custom fields are defined', () => {
    expect(customFieldsUpdate('', { team: 'red' })).toBeNull();
    expect(customFieldsUpdate(undefined, { team: 'red' })).toBeNull();
  });

  it('stores only the defined fields, and their record copies', () => {
    expect(customFieldsUpdate(definition, { team: 'red', code: 'ab', other: 1 })).toEqual({
      update: { set: { customFields: { team: 'red', code: 'ab' }, employeeCode: 'ab' }, addToSet: {} },
    });
  });

  it('validates required fields, options and lengths', () => {
    const reason = (values: Record<string, unknown>) => {
      const r = customFieldsUpdate(definition, values);
      return r && 'refusal' in r ? r.refusal.reason : null;
    };
    expect(reason({ code: 'ab' })).toBe('Field team is required');
    expect(reason({ team: 'green' })).toBe('Value for field team is invalid');
    expect(reason({ team: 'red', code: 'abcdef' })).toBe('Max length of field code 4');
    expect(reason({ team: 'red', code: 'a' })).toBe('Min length of field code 2');
  });

  it('reports a broken definition', () => {
    expect(customFieldsUpdate('{oops', {})).toEqual({
      refusal: { errorType: 'error-invalid-customfield-json', reason: 'Invalid JSON for Custom Fields' },
    });
  });
});
