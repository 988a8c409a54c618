// The simulator's own reading of the request bodies in openapi/vps-org.openapi.json (main/simulator/
// requests.ts): the limits come from the document, not from the app's rules, which the simulator never
// imports (it is the oracle those rules are tested against).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRequestBody, documentedPart, requestFields } from '../../main/simulator/requests';
import apiDocument from '../../openapi/vps-org.openapi.json';

const { CreateServerRequest } = apiDocument.components.schemas;
const NAME_MAX = CreateServerRequest.properties.name.maxLength;
const CREATE = { name: 'new-01', plan_id: 1, os_id: 5, location: 'us-east' };
const label = (length: number) => 'h'.repeat(length);

describe("the simulator's reading of the request bodies", () => {
  it('takes the limits of a name from the document: the longest allowed, and one more', () => {
    expect(checkRequestBody('createServer', { ...CREATE, name: 'a'.repeat(NAME_MAX) })).toBeNull();
    expect(checkRequestBody('createServer', { ...CREATE, name: 'a'.repeat(NAME_MAX + 1) })).toEqual({
      name: [`Ensure this field has no more than ${NAME_MAX} characters.`],
    });
    for (const name of ['-web', 'web 01', 'wéb', ''])
      expect(Object.keys(checkRequestBody('updateServer', { name }) ?? {})).toEqual(['name']);
  });

  it('reads a hostname as a fully qualified domain name of at most 253 characters', () => {
    const longest = `${label(63)}.${label(63)}.${label(63)}.${label(61)}`;
    const accepted = [
      'web.example.com',
      'web.example.com.',
      `${label(63)}.example.com`,
      longest,
      `${longest}.`,
      'a.b1',
    ];
    const refused = ['localhost', `${label(64)}.example.com`, `${longest}h`, 'web.example.123', '-web.example.com'];
    for (const hostname of accepted)
      expect({ hostname, problems: checkRequestBody('updateServer', { hostname }) }).toEqual({
        hostname,
        problems: null,
      });
    for (const hostname of refused)
      expect({ hostname, fields: Object.keys(checkRequestBody('updateServer', { hostname }) ?? {}) }).toEqual({
        hostname,
        fields: ['hostname'],
      });
  });

  it('requires the required fields and refuses null; a PATCH needs one of its fields, others are ignored', () => {
    expect(checkRequestBody('replaceServer', { name: 'web-01' })).toEqual({
      hostname: ['This field is required.'],
      backups_enabled: ['This field is required.'],
    });
    expect(checkRequestBody('createServer', { ...CREATE, hostname: null })).toEqual({
      hostname: ['This field may not be null.'],
    });
    expect(checkRequestBody('updateServer', { colour: 'red' })).toEqual({
      non_field_errors: ['Give at least one of name, hostname, backups_enabled.'],
    });
    expect(checkRequestBody('updateServer', [])).toEqual({ non_field_errors: expect.any(Array) });
    expect(checkRequestBody('createServer', undefined)).toEqual({ non_field_errors: expect.any(Array) });
    expect(documentedPart('updateServer', { name: 'web-02', colour: 'red' })).toEqual({ name: 'web-02' });
    expect(requestFields('createServer').required).toEqual(CreateServerRequest.required);
  });

  it("never imports the app's rules (common/rules.ts)", () => {
    const dir = new URL('../../main/simulator/', import.meta.url);
    const importers = readdirSync(dir).filter((file) =>
      /from '[./]*common\/rules'/.test(readFileSync(new URL(file, dir), 'utf8')),
    );
    expect(importers).toEqual([]);
  });
});
